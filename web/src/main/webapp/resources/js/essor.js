/*
 * After a form is saved the page is served again and the browser's focus would start at its top,
 * ten stops before the form (issue 19): focus the first field refused, else the message that says
 * what happened, else the part of the page the action opened (marked data-autofocus, e.g. the line
 * chosen for allocation, which appears below the table). Nothing is moved on a page that has none.
 */
document.addEventListener('DOMContentLoaded', function () {
    var invalid = document.querySelector('main input[aria-invalid="true"], main select[aria-invalid="true"], '
            + 'main textarea[aria-invalid="true"], main input.ui-state-error, main textarea.ui-state-error');
    if (invalid && invalid.offsetParent !== null) {
        invalid.focus();
        return;
    }
    var box = document.getElementById('messages');
    if (box && box.textContent.trim() !== '') {
        box.setAttribute('tabindex', '-1');
        box.focus();
        return;
    }
    var opened = document.querySelector('main [data-autofocus="true"]');
    if (opened) {
        opened.focus();
    }
});

/*
 * On a phone the main menu folds behind its "Menu" button (issue 19). The class "js" on the page
 * tells the stylesheet that the button works; without script the menu simply stays open.
 */
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
    var toggle = document.querySelector('.essor-menu-toggle');
    var nav = document.getElementById('essor-nav');
    if (!toggle || !nav) {
        return;
    }
    toggle.addEventListener('click', function () {
        var open = nav.classList.toggle('open');
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
});

/*
 * A wide table that scrolls inside its box (PrimeFaces' table wrapper) must be reachable with the
 * keyboard to be scrolled: it takes the focus when, and only when, it overflows (WCAG 2.1.1; axe's
 * scrollable-region-focusable). Checked after the page loads, after each Ajax update and on resize.
 */
function essorFocusableScrollers() {
    document.querySelectorAll('.ui-datatable-tablewrapper, .table-scroll').forEach(function (box) {
        if (box.scrollWidth > box.clientWidth + 1) {
            box.setAttribute('tabindex', '0');
        } else if (box.getAttribute('tabindex') === '0') {
            box.removeAttribute('tabindex');
        }
    });
}
document.addEventListener('DOMContentLoaded', function () {
    essorFocusableScrollers();
    window.addEventListener('resize', essorFocusableScrollers);
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', essorFocusableScrollers);
    }
});

/*
 * A PrimeFaces select menu is a span with the role combobox, which a <label for> cannot name: in
 * PrimeFaces 15.0.13 its name was the chosen option ("—", then the value) instead of its label, which
 * axe left "to review" (the gap PrimeFaces fixed in 15.0.14, #14625, not yet served here). Each such
 * span is named by its label, on load and after every Ajax update; the value stays its content.
 */
function essorNameSelectMenus() {
    document.querySelectorAll('label[for][id]').forEach(function (label) {
        var target = document.getElementById(label.getAttribute('for'));
        if (target && target.getAttribute('role') === 'combobox' && target.tagName === 'SPAN') {
            target.setAttribute('aria-labelledby', label.id);
        }
    });
}
document.addEventListener('DOMContentLoaded', function () {
    essorNameSelectMenus();
    if (window.jQuery) { // loaded by PrimeFaces, after this script
        window.jQuery(document).on('pfAjaxComplete', essorNameSelectMenus);
    }
});
