import { fold } from '#domain/text.ts';

/** What handbook search matches: title, summary and body, folded (no diacritics, lower case), Markdown marks removed. */
export function searchTextOf(title: string, summary: string, body: string): string {
  return fold(`${title} \n ${summary} \n ${body.replace(/[#*_`>[\]()!|-]+/g, ' ')}`);
}
