/** The officials' indicators' figures (docs/decisions/075), shared by the model and the pages. */
export const FLOW_FIGURES = ["matches", "inquiries", "agreements", "transfers", "events", "meetings"] as const;
export const STOCK_FIGURES = ["ipOffers", "startups", "incubators", "experts"] as const;
export const FIGURES = [...FLOW_FIGURES, ...STOCK_FIGURES] as const;
export type FlowFigure = (typeof FLOW_FIGURES)[number];
export type StockFigure = (typeof STOCK_FIGURES)[number];
export type Figure = (typeof FIGURES)[number];
