/**
 * The licence of the portal's open data (exports, chart downloads, the public API):
 * Creative Commons Attribution 4.0. The code itself is Apache-2.0 (LICENSE).
 */
export const OPEN_DATA_LICENSE = {
  name: "CC BY 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
} as const;

/** An HTTP Link header naming the licence (RFC 8288, relation "license"), for files that cannot carry it inside. */
export const openDataLicenseLink = `<${OPEN_DATA_LICENSE.url}>; rel="license"`;
