// The main menu's disclosure (portal/includes/header.html) works without this file. It adds:
// Escape closes the open menu on a small screen and puts focus back on «Meny»; and on a wide
// screen, in a browser whose CSS cannot show a closed <details>'s content, it opens the menu.
(() => {
  const menu = document.querySelector("[data-site-menu]");
  if (!menu) return;
  const toggle = menu.querySelector("summary");
  const wide = window.matchMedia("(min-width: 48rem)");
  const cssShowsMenu = window.CSS?.supports?.("selector(::details-content)");

  if (!cssShowsMenu) {
    const openWhenWide = () => {
      if (wide.matches) menu.open = true;
    };
    openWhenWide();
    wide.addEventListener("change", openWhenWide);
  }

  menu.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && menu.open && !wide.matches) {
      menu.open = false;
      toggle.focus();
    }
  });
})();
