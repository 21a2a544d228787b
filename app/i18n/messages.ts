import type { Message } from "./message";
import * as account from "./messages/account";
import * as bookings from "./messages/bookings";
import * as curation from "./messages/curation";
import * as directory from "./messages/directory";
import * as ecosystem from "./messages/ecosystem";
import * as forms from "./messages/forms";
import * as inquiries from "./messages/inquiries";
import * as legal from "./messages/legal";
import * as matchmaking from "./messages/matchmaking";
import * as offerPages from "./messages/offer-pages";
import * as offerSearch from "./messages/offer-search";
import * as requestFeedback from "./messages/request-feedback";
import * as requestTalk from "./messages/request-talk";
import * as requestsForYou from "./messages/requests-for-you";
import * as search from "./messages/search";
import * as alerts from "./messages/alerts";
import * as notificationSettings from "./messages/notification-settings";
import * as affiliation from "./messages/affiliation";
import * as publications from "./messages/publications";
import * as attachments from "./messages/attachments";
import * as events from "./messages/events";
import * as meetings from "./messages/meetings";
import * as agreements from "./messages/agreements";
import * as indicators from "./messages/indicators";
import * as overseas from "./messages/overseas";
import * as eventRegistration from "./messages/event-registration";

/**
 * Interface text, one module per part of the site. Vietnamese is the default
 * language; every key must exist in English too (each module's `en` is typed
 * against its `vi`).
 */
export const vi = {
  ...directory.vi,
  ...forms.vi,
  ...account.vi,
  ...matchmaking.vi,
  ...ecosystem.vi,
  ...curation.vi,
  ...legal.vi,
  ...search.vi,
  ...offerPages.vi,
  ...offerSearch.vi,
  ...bookings.vi,
  ...inquiries.vi,
  ...requestsForYou.vi,
  ...requestTalk.vi,
  ...requestFeedback.vi,
  ...alerts.vi,
  ...notificationSettings.vi,
  ...affiliation.vi,
  ...publications.vi,
  ...attachments.vi,
  ...events.vi,
  ...meetings.vi,
  ...agreements.vi,
  ...indicators.vi,
  ...overseas.vi,
  ...eventRegistration.vi,
};
export type MessageKey = keyof typeof vi;
export const en: Record<MessageKey, Message> = {
  ...directory.en,
  ...forms.en,
  ...account.en,
  ...matchmaking.en,
  ...ecosystem.en,
  ...curation.en,
  ...legal.en,
  ...search.en,
  ...offerPages.en,
  ...offerSearch.en,
  ...bookings.en,
  ...inquiries.en,
  ...requestsForYou.en,
  ...requestTalk.en,
  ...requestFeedback.en,
  ...alerts.en,
  ...notificationSettings.en,
  ...affiliation.en,
  ...publications.en,
  ...attachments.en,
  ...events.en,
  ...meetings.en,
  ...agreements.en,
  ...indicators.en,
  ...overseas.en,
  ...eventRegistration.en,
};
