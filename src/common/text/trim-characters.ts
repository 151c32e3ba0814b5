/**
 * Trims the characters that `character` (a test of one character, no g flag) accepts from both ends of `text`, in
 * linear time. The obvious /^[…]+|[…]+$/g is not: its second branch is tried at every position of a run of such
 * characters inside the text and rescans the run each time, so a hostile value of 60,000 commas took seconds and one
 * of a megabyte minutes.
 */
export function trimCharacters(text: string, character: RegExp): string {
  let start = 0;
  let end = text.length;
  while (start < end && character.test(text[start])) start += 1;
  while (end > start && character.test(text[end - 1])) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** trimCharacters at the end only. */
export function trimEndCharacters(text: string, character: RegExp): string {
  let end = text.length;
  while (end > 0 && character.test(text[end - 1])) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}
