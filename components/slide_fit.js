// The whole slide on one screen: where its last line (the source) would fall below the window, the
// slide's type shrinks until it fits (never below 12 px), as presentation software does.
(() => {
  if (window.ppeSlideFit) return;
  window.ppeSlideFit = true;
  const root = window.parent?.document ?? document;
  const view = root.defaultView ?? window;
  let queued = false;
  const fit = () => {
    queued = false;
    const slide = root.querySelector(".slide");
    if (!slide) return;
    const last = slide.querySelector(".slide-source") ?? slide.lastElementChild ?? slide;
    slide.style.fontSize = "";
    let size = parseFloat(view.getComputedStyle(slide).fontSize);
    while (size > 12 && last.getBoundingClientRect().bottom > view.innerHeight - 8) {
      size -= 1;
      slide.style.fontSize = `${size}px`;
    }
    slide.dataset.fitted = "true";
  };
  const later = () => {
    if (!queued) {
      queued = true;
      view.requestAnimationFrame(fit);
    }
  };
  new MutationObserver((changes) => {
    if (changes.some((c) => !c.target.closest?.(".slide") || c.type === "childList")) later();
  }).observe(root.body, { childList: true, subtree: true });
  view.addEventListener("resize", later);
  later();
})();
