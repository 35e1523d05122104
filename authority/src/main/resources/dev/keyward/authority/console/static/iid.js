// The activation center's installation ID entry: each group's check digit is checked as it is
// typed (the rule of core's DigitGroups: the Damm check digit over the group's seven digits, read
// from starting state "group number mod 10"). The authority checks everything again; without this
// script the form still works. VendorConsoleBrowserTest proves this agrees with the Java rule.
(function () {
  'use strict';
  var TABLE = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0]
  ];
  var GROUP_LENGTH = 7;

  function validGroup(groupNumber, text) {
    if (groupNumber < 1 || !/^[0-9]{7}$/.test(text)) {
      return false;
    }
    var state = groupNumber % 10;
    for (var i = 0; i < text.length; i++) {
      state = TABLE[state][text.charCodeAt(i) - 48];
    }
    return state === 0;
  }

  window.KeywardIid = { validGroup: validGroup };

  function show(input) {
    var n = Number(input.getAttribute('data-group'));
    var digits = input.value.replace(/[^0-9]/g, '');
    var state = document.getElementById(input.id + '-state');
    if (digits.length === 0) {
      input.removeAttribute('aria-invalid');
      state.textContent = '';
      state.className = 'group-state';
    } else if (digits.length < GROUP_LENGTH) {
      input.removeAttribute('aria-invalid');
      state.textContent = digits.length + ' of 7';
      state.className = 'group-state';
    } else if (validGroup(n, digits) && digits.length === GROUP_LENGTH) {
      input.setAttribute('aria-invalid', 'false');
      state.textContent = 'OK';
      state.className = 'group-state ok';
    } else {
      input.setAttribute('aria-invalid', 'true');
      state.textContent = 'Check digit wrong: read group ' + n + ' again';
      state.className = 'group-state bad';
    }
    return digits.length === GROUP_LENGTH && validGroup(n, digits);
  }

  /** A whole ID pasted or typed into one field is spread over the groups from there. */
  function spread(inputs, index) {
    var digits = inputs[index].value.replace(/[^0-9]/g, '');
    if (digits.length <= GROUP_LENGTH) {
      return;
    }
    for (var i = index; i < inputs.length && digits.length > 0; i++) {
      inputs[i].value = digits.substring(0, GROUP_LENGTH);
      digits = digits.substring(GROUP_LENGTH);
      show(inputs[i]);
    }
  }

  function start() {
    var inputs = Array.prototype.slice.call(document.querySelectorAll('input.iid-group'));
    inputs.forEach(function (input, index) {
      input.addEventListener('input', function () {
        spread(inputs, index);
        var ok = show(input);
        if (ok && input.value.length === GROUP_LENGTH && index + 1 < inputs.length &&
            inputs[index + 1].value === '') {
          inputs[index + 1].focus();
        }
      });
      if (input.value !== '') {
        show(input);
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
