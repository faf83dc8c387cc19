// One mailbox as the importer reads it from a header or a CSV cell: a display name and an address
// (either may be empty). Shared by the header parser and the name-list reader.
export interface MailAddress {
  name: string;
  address: string;
}
