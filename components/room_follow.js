// A phone follows the trainer with no run of the app's script per poll or per move: twice a second it
// asks the server's /room/CODE/revision (server.py). Once the trainer has moved, it asks
// /room/CODE/slide and puts that slide in place of its own; only when the widgets change (a question
// opened or closed) does it click the hidden button that reruns the page (components/room.py).
// FOLLOW = {code, revision, form, lang, every} is written above.
(() => {
  const root = window.parent?.document ?? document;
  const base = new URL(".", window.parent?.location?.href ?? location.href);
  const asked = new URL(`room/${FOLLOW.code}/revision`, base);
  const drawn = new URL(`room/${FOLLOW.code}/slide?lang=${FOLLOW.lang}`, base);
  let clickedAt = 0;
  const move = () => {
    const button = root.querySelector(".st-key-room_follow button");
    if (button && performance.now() - clickedAt > 3000) {  // once, unless that rerun never came
      clickedAt = performance.now();
      button.click();
    }
  };
  const replaced = (html) => {  // the server's own escaped HTML (components/room.py: phone_html)
    const shown = root.querySelector(".st-key-phone .room-slide");
    if (shown) shown.outerHTML = html;
    return Boolean(shown);
  };
  const poll = async () => {
    try {
      const answer = await fetch(asked, { cache: "no-store" });
      const revision = answer.ok ? (await answer.json()).revision : null;
      if (revision === FOLLOW.revision) return;
      const slide = revision === null ? null : await fetch(drawn, { cache: "no-store" });
      const view = slide?.ok ? await slide.json() : null;
      if (view && view.form === FOLLOW.form && replaced(view.html)) {
        FOLLOW.revision = view.revision;
      } else {
        move();  // the widgets change, or the session is gone: the page's rerun draws it
      }
    } catch {
      move();  // no such route (the app run as app.py alone): the page's own rerun then follows
    }
  };
  clearInterval(window.ppeFollow);
  window.ppeFollow = setInterval(poll, FOLLOW.every);
})();
