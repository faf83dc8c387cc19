// How a person is named on screen: their display name, else their address.
import type { Dataset } from "./types";

export function displayName(people: Pick<Dataset["people"], "name" | "address">, p: number): string {
  return people.name[p] || people.address[p];
}

/** A person's address as shown; people known only by a name (printed mail, FOIA spreadsheets) have none. */
export function addressLabel(people: Pick<Dataset["people"], "address">, p: number): string {
  return people.address[p] || "no address: known by name only";
}
