// Injected into a copy of the gallery page by .ci/check-gallery and run by headless Chromium:
// every image must have loaded, every local link must open, every #anchor must exist, and
// nothing may be fetched from the network. Writes one line starting "BAGU-CHECK OK" or
// "BAGU-CHECK FAIL" (then one problem per line) into the page, which --dump-dom prints.
window.addEventListener('load', async () => {
  const problems = [];
  for (const img of document.images) {
    if (!img.complete || img.naturalWidth === 0) {
      problems.push('missing image: ' + img.getAttribute('src'));
    }
  }
  for (const el of document.querySelectorAll('[src], link[href]')) {
    const url = el.getAttribute('src') || el.getAttribute('href');
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('data:')) {
      problems.push('resource from outside the folder: ' + url);
    }
  }
  let links = 0;
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    links++;
    if (href.startsWith('#')) {
      if (!document.getElementById(decodeURIComponent(href.slice(1)))) {
        problems.push('broken anchor: ' + href);
      }
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
      continue; // a link out (a paper, say) is not fetched by the page
    }
    const opens = await new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', href);
      xhr.onload = () => resolve(xhr.responseText.length > 0);
      xhr.onerror = () => resolve(false);
      xhr.send();
    });
    if (!opens) {
      problems.push('broken link: ' + href);
    }
  }
  const out = document.createElement('pre');
  out.id = 'bagu-check';
  out.textContent = problems.length === 0
    ? 'BAGU-CHECK OK ' + document.images.length + ' images, ' + links + ' links'
    : 'BAGU-CHECK FAIL\n' + problems.join('\n');
  document.body.appendChild(out);
});
