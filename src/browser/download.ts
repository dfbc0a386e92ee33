/**
 * Saves `text` as a file named `name` through a temporary link, the way every island exports
 * (progress, results, scenarios). Returns the name used.
 */
export function downloadText(name: string, text: string, type: string): string {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the file's address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
