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
