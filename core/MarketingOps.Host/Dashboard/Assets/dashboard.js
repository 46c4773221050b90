// mops dashboard: live post states on pages that show posts, from the API's server-sent events. No framework, no build.
(() => {
  "use strict";
  const labels = { PendingApproval: "Awaiting approval" };
  const symbols = { Draft: "✎", PendingApproval: "◐", Scheduled: "◷", Publishing: "↻", Published: "✓", Failed: "✕", Unconfirmed: "?", Cancelled: "⊘", Missed: "!" };
  const live = document.querySelector("[data-live-calendar], [data-live-post]");
  if (!live || !window.EventSource) return;
  const note = document.querySelector("[data-live-note]");
  const events = new EventSource("/api/v1/events");
  events.addEventListener("post", (message) => {
    const change = JSON.parse(message.data);
    const shown = document.querySelectorAll(`[data-post-id="${CSS.escape(change.id)}"]`);
    if (shown.length === 0) {
      if (note) note.textContent = "Posts changed since this page was loaded; reload to see them.";
      return;
    }
    for (const element of shown) {
      for (const css of [...element.classList]) if (css.startsWith("state-")) element.classList.remove(css);
      element.classList.add("state-" + change.state.toLowerCase());
      const badge = element.querySelector(".badge") || (element.classList.contains("badge") ? element : null);
      if (badge) {
        for (const css of [...badge.classList]) if (css.startsWith("state-")) badge.classList.remove(css);
        badge.classList.add("state-" + change.state.toLowerCase());
        badge.dataset.state = change.state;
        badge.querySelector(".sym").textContent = symbols[change.state] || "•";
        badge.querySelector(".label").textContent = labels[change.state] || change.state;
      }
    }
  });
})();
