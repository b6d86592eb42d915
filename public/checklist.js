// Baan handbook checklists: ticks are remembered on this device (localStorage), no account
// needed. Plain script, loaded only on pages with a checklist.
(function () {
  var sections = document.querySelectorAll('[data-checklist]');
  sections.forEach(function (section) {
    var key = 'baan:checklist:' + section.getAttribute('data-checklist');
    var saved = {};
    try {
      saved = JSON.parse(localStorage.getItem(key) || '{}') || {};
    } catch (e) {
      saved = {};
    }
    var boxes = section.querySelectorAll('input[data-step]');
    var progress = section.querySelector('[data-checklist-progress]');
    var template = section.getAttribute('data-progress-template') || '{{done}} / {{total}}';
    function update() {
      var done = 0;
      boxes.forEach(function (box) {
        if (box.checked) done++;
      });
      if (progress) progress.textContent = template.replace('{{done}}', String(done)).replace('{{total}}', String(boxes.length));
    }
    boxes.forEach(function (box) {
      box.checked = Boolean(saved[box.getAttribute('data-step')]);
      box.addEventListener('change', function () {
        if (box.checked) saved[box.getAttribute('data-step')] = Date.now();
        else delete saved[box.getAttribute('data-step')];
        try {
          localStorage.setItem(key, JSON.stringify(saved));
        } catch (e) {
          /* storage full or blocked: ticks last for this visit */
        }
        update();
      });
    });
    update();
  });
})();
