// Dataset format v1: the JSON file the app loads (columnar, compact) and the decoded in-memory form.
// See docs/dataset-format.md for the field-by-field description.

export const FORMAT_NAME = "switchboard-dataset";
export const FORMAT_VERSION = 1;

export interface DatasetMeta {
  title: string;
  description?: string;
  /** Where the corpus comes from, in words. */
  source?: string;
  sourceUrl?: string;
  licence?: string;
  /** True when the corpus is invented (the bundled sample). The UI says so. */
  synthetic: boolean;
  /** IANA time zone the corpus was written in, e.g. "America/New_York". Times are stored in UTC. */
  timeZone: string;
  /** Link to a message's source document; "{id}" is replaced by the message id. */
  messageUrlTemplate?: string;
}

export interface Annotation {
  /** ISO 8601 date or date-time (UTC). */
  date: string;
  label: string;
}

/** The file as stored: arrays of integers indexing into string tables. */
export interface DatasetFile {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  meta: DatasetMeta;
  people: {
    address: string[];
    name: string[];
    /** Index into `orgs` per person, -1 for none. Optional. */
    org?: number[];
    orgs?: string[];
  };
  messages: {
    /** Delta-encoded UTC seconds since 1970, ascending. Shorter than the message count:
     *  the remaining messages are undated. */
    time: number[];
    sender: number[];
    /** Recipients per role: how many each message has, then the flat list of person indices. */
    toCount: number[];
    to: number[];
    ccCount: number[];
    cc: number[];
    bccCount: number[];
    bcc: number[];
    /** Index into `subjects` per message. */
    subject: number[];
    subjects: string[];
    /** Optional message ids (e.g. the source's document numbers), for links to the source: "" for
     *  a message without one (it gets no link). */
    id?: (string | number)[];
  };
  annotations?: Annotation[];
  /** Optional precomputed positions, one per person. */
  layout?: { x: number[]; y: number[] };
}

export const ROLE_TO = 0;
export const ROLE_CC = 1;
export const ROLE_BCC = 2;
export type Role = typeof ROLE_TO | typeof ROLE_CC | typeof ROLE_BCC;

/** Decoded, ready for computation: typed arrays indexed by person or message. */
export interface Dataset {
  meta: DatasetMeta;
  people: {
    count: number;
    address: string[];
    name: string[];
    /** Organisation or domain label per person ("" when unknown). */
    org: string[];
  };
  messages: {
    count: number;
    /** Number of dated messages; they come first and are sorted by time. */
    datedCount: number;
    /** UTC milliseconds (NaN for undated). */
    time: Float64Array;
    sender: Int32Array;
    /** CSR: recipients of message m are rcpt[rcptStart[m] .. rcptStart[m+1]). */
    rcptStart: Int32Array;
    rcpt: Int32Array;
    rcptRole: Uint8Array;
    subject: Int32Array;
    subjects: string[];
    id: (string | number)[] | null;
  };
  annotations: { time: number; label: string }[];
  layout: { x: Float32Array; y: Float32Array } | null;
}
