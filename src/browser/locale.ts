/** The page's language (`<html lang>`, from the site settings), for number and date formats; undefined lets the browser choose. */
export function pageLocale(): string | undefined {
  return document.documentElement.lang || undefined;
}
