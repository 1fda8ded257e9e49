// "Copy link" on a card: copy the address that opens that example (?example=ID, in the page's
// language); where the browser refuses the clipboard, open that address instead.
(() => {
  if (window.ppeCopyLinks) return;
  window.ppeCopyLinks = true;
  const copy = async (text) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const area = Object.assign(document.createElement("textarea"), { value: text });
      area.style.cssText = "position:fixed;opacity:0";
      document.body.appendChild(area);
      area.select();
      const done = document.execCommand("copy");
      area.remove();
      return done;
    }
  };
  document.addEventListener("click", async (event) => {
    const link = event.target.closest("a.copy-link[data-example]");
    if (!link) return;
    event.preventDefault();
    const url = new URL(window.location.href);
    const lang = url.searchParams.get("lang");
    url.search = "";
    url.searchParams.set("example", link.dataset.example);
    if (lang) url.searchParams.set("lang", lang);
    if (await copy(url.href)) link.textContent = "✓ " + link.dataset.copied;
    else window.location.href = url.href;
  });
})();
