/** The one-click result dialog: shows the lines it was given and tells the command when closed. */
/* global Office, document, window */
interface Shown {
  title: string;
  lines: string[];
}

function shown(): Shown {
  try {
    return JSON.parse(decodeURIComponent(window.location.hash.slice(1))) as Shown;
  } catch {
    return { title: '考核助手', lines: [] };
  }
}

void Office.onReady(() => {
  const { title, lines } = shown();
  document.getElementById('title')!.textContent = title;
  const box = document.getElementById('lines')!;
  for (const line of lines) {
    const p = document.createElement('p');
    p.textContent = line;
    box.appendChild(p);
  }
  const ok = document.getElementById('ok')!;
  if (/^en\b/i.test(Office.context.displayLanguage ?? '')) ok.textContent = 'OK';
  ok.addEventListener('click', () => Office.context.ui.messageParent('close'));
  ok.focus();
});
