(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('execution-data').textContent);

  function show(id, text) {
    var element = document.getElementById(id);
    element.textContent = text;
    element.closest('.field').hidden = !text;
  }

  function select(name) {
    var state = data.states[name];
    if (!state) { return; }
    document.querySelectorAll('.selected').forEach(function (e) { e.classList.remove('selected'); });
    document.querySelectorAll('.node, .group').forEach(function (e) {
      if (e.dataset.state === name) { e.classList.add('selected'); }
    });
    document.getElementById('detail-name').textContent = name;
    document.getElementById('detail-type').textContent = state.type;
    var outcome = document.getElementById('detail-outcome');
    outcome.textContent = state.outcomeText;
    outcome.className = 'outcome-text ' + state.outcome;
    document.getElementById('detail-retries').textContent = String(state.retries);
    document.getElementById('detail-duration').textContent = state.duration || '—';
    document.getElementById('detail-visits').textContent = String(state.visits);
    show('detail-next', state.next);
    show('detail-error', state.error);
    show('detail-cause', state.cause);
    show('detail-input', state.input);
    show('detail-output', state.output);
    show('detail-variables', state.variables);
    show('detail-expressions', state.expressions);
  }

  document.querySelectorAll('[data-state]').forEach(function (element) {
    element.addEventListener('click', function (event) { event.stopPropagation(); select(element.dataset.state); });
    element.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); select(element.dataset.state); }
    });
  });
  if (data.selected) { select(data.selected); }
}());
