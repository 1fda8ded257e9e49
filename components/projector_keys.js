// Presenter keys of presentation software: F shows only the slide (the browser's full screen too,
// where it allows it), B blacks the screen; the same key (or Escape) brings it back. Keys typed
// into a field are left alone.
(() => {
  if (window.ppeProjectorKeys) return;
  window.ppeProjectorKeys = true;
  const root = window.parent?.document ?? document;
  const black = () => {
    let cover = root.getElementById("ppe-black");
    if (!cover) {
      cover = Object.assign(root.createElement("div"), { id: "ppe-black", tabIndex: -1 });
      cover.setAttribute("aria-label", "Black screen: press B to come back");
      cover.style.cssText = "position:fixed;inset:0;background:#000;z-index:999999;display:none";
      root.body.appendChild(cover);
    }
    return cover;
  };
  root.addEventListener("keydown", (event) => {
    const typing = event.target.closest?.("input, textarea, select, [contenteditable=true]");
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!root.querySelector(".st-key-presenter") && !root.body.classList.contains("ppe-slide-only")) return;
    const body = root.body;
    const key = event.key.toLowerCase();
    if (key === "b") {
      const cover = black();
      cover.style.display = cover.style.display === "none" ? "block" : "none";
    } else if (key === "f") {
      const on = body.classList.toggle("ppe-slide-only");
      if (on && root.documentElement.requestFullscreen) root.documentElement.requestFullscreen().catch(() => {});
      if (!on && root.fullscreenElement) root.exitFullscreen().catch(() => {});
    } else if (key === "escape") {
      body.classList.remove("ppe-slide-only");
      black().style.display = "none";
    } else return;
    event.preventDefault();
  });
})();
