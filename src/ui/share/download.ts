/** Offers `text` as a file download named `name` (the browser's own save flow). */
export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // the download has started from the URL by now; freeing it at once can cancel it in some browsers
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a file the person picked as text. */
export const readText = (file: File): Promise<string> => file.text();
