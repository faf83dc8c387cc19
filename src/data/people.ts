// How a person is named on screen: their display name, else their address.
import type { Dataset } from "./types";

export function displayName(people: Pick<Dataset["people"], "name" | "address">, p: number): string {
  return people.name[p] || people.address[p];
}
