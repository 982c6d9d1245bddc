/** How an incident came to light: the data behind "why did detection not catch it sooner?". */
export const DETECTION_SOURCES = ['alert', 'customer_report', 'staff', 'other'] as const;
export type DetectionSource = (typeof DETECTION_SOURCES)[number];

export interface Detection {
  readonly source: DetectionSource;
  /** The alert, ticket or message that raised it, when someone has one to hand. */
  readonly link: string | null;
}

/** Each source in words, as the resolve form offers it and the postmortem says it. */
export const DETECTION_LABELS: Readonly<Record<DetectionSource, string>> = {
  alert: 'an alert',
  customer_report: 'a customer report',
  staff: 'staff noticing',
  other: 'another way',
};

/** A link people can follow from the postmortem: https (or http inside a company network), one line. */
export const isDetectionLink = (link: string): boolean =>
  /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(link) && link.length <= 500;
