// Text folding shared by search (app) and alias suggestions (importer): no accents, lower case.
export function foldText(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}
