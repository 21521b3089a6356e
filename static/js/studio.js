/* The Studio editor: lists edited with buttons (add, remove, move up and down), errors shown next
 * to their fields, and the runtime.notify('save' | 'error' | 'cancel') protocol of the Studio
 * editor modal and the Authoring MFE. The server renders every piece of HTML; this file only
 * moves, clones and numbers it. */
(function () {
  "use strict";

  function gettext(text) { return window.Verme.gettext(text); }
  function interpolate(format, values) { return window.Verme.interpolate(format, values); }
  function toArray(nodes) { return Array.prototype.slice.call(nodes); }

  /* Elements matching `selector` that belong to `owner` itself, not to an item nested inside it. */
  function own(owner, selector) {
    return toArray(owner.querySelectorAll(selector)).filter(function (node) {
      var item = node.parentElement ? node.parentElement.closest("[data-item]") : null;
      return node.matches("[data-item]") ? false : item === owner || (owner.matches("form") && item === null);
    });
  }
  function ownLists(owner) {
    return toArray(owner.querySelectorAll("[data-list]")).filter(function (list) {
      var item = list.parentElement.closest("[data-item]");
      return owner.matches("form") ? item === null : item === owner;
    });
  }
  function rows(list) { return toArray(list.querySelector("[data-items]").children); }

  function collectItem(item) {
    var inputs = own(item, "[data-key]");
    if (inputs.length === 1 && inputs[0].getAttribute("data-key") === "") { return inputs[0].value; }
    var data = {};
    inputs.forEach(function (input) {
      var key = input.getAttribute("data-key");
      if (input.type === "checkbox") {  // a set of choices: the checked values, as a list
        data[key] = data[key] || [];
        if (input.checked) { data[key].push(input.value); }
      } else {
        data[key] = input.value;
      }
    });
    ownLists(item).forEach(function (list) { data[list.getAttribute("data-list")] = rows(list).map(collectItem); });
    return data;
  }

  function collect(form) {
    var payload = {};
    toArray(form.elements).forEach(function (field) {
      if (!field.name || field.closest("[data-item]")) { return; }
      if (field.type === "radio") {
        if (field.checked) { payload[field.name] = field.value; }
      } else if (field.type === "checkbox") {
        payload[field.name] = payload[field.name] || [];
        if (field.checked) { payload[field.name].push(field.value); }
      } else {
        payload[field.name] = field.value;
      }
    });
    ownLists(form).forEach(function (list) { payload[list.getAttribute("data-list")] = rows(list).map(collectItem); });
    return payload;
  }

  /* Give every field of the lists its path ("session_templates.1.agenda.0.minute"), ids, labels and
   * numbers after a change, the same way the server renders them. */
  function renumber(form) {
    var uid = form.getAttribute("data-uid");
    function base(path) { return "verme-" + uid + "-" + path.replace(/\./g, "-"); }

    function list(node, path) {
      toArray(node.children).forEach(function (error) {
        if (error.hasAttribute("data-list-error")) {
          error.setAttribute("data-error-for", path);
          error.id = base(path) + "-error";
        }
      });
      var format = node.getAttribute("data-item-label");
      var items = rows(node);
      items.forEach(function (item, index) {
        var itemPath = path + "." + index;
        var label = format.replace("{number}", String(index + 1));
        own(item, "[data-item-label-target]").forEach(function (target) { target.textContent = label; });
        own(item, "[data-verb]").forEach(function (button) {
          button.setAttribute("aria-label", button.getAttribute("data-verb") + ": " + label);
        });
        own(item, "[data-key]").forEach(function (input) {
          if (input.type === "hidden") { return; }
          var key = input.getAttribute("data-key");
          var fieldPath = key ? itemPath + "." + key : itemPath;
          if (input.type === "checkbox") { input.id = base(fieldPath) + "-" + input.value; return; }
          input.id = base(fieldPath);
          input.setAttribute("aria-describedby", base(fieldPath) + "-error");
        });
        own(item, "[data-label-key]").forEach(function (labelNode) {
          var key = labelNode.getAttribute("data-label-key");
          var option = labelNode.getAttribute("data-label-option");
          labelNode.setAttribute("for", base(key ? itemPath + "." + key : itemPath) + (option ? "-" + option : ""));
        });
        own(item, "[data-describedby-key]").forEach(function (group) {
          group.setAttribute("aria-describedby", base(itemPath + "." + group.getAttribute("data-describedby-key")) + "-error");
        });
        own(item, "[data-error-key]").forEach(function (error) {
          var key = error.getAttribute("data-error-key");
          var fieldPath = key ? itemPath + "." + key : itemPath;
          error.setAttribute("data-error-for", fieldPath);
          error.id = base(fieldPath) + "-error";
        });
        own(item, '[data-action="up"]').forEach(function (button) { button.disabled = index === 0; });
        own(item, '[data-action="down"]').forEach(function (button) { button.disabled = index === items.length - 1; });
        ownLists(item).forEach(function (nested) { list(nested, itemPath + "." + nested.getAttribute("data-list")); });
      });
    }
    ownLists(form).forEach(function (node) { list(node, node.getAttribute("data-list")); });
  }

  function firstField(node) {
    return toArray(node.querySelectorAll("input:not([type=hidden]), textarea, select, button:not([disabled])"))[0];
  }

  function clearErrors(form) {
    toArray(form.querySelectorAll("[data-error-for]")).forEach(function (node) { node.textContent = ""; });
    toArray(form.querySelectorAll("[aria-invalid]")).forEach(function (node) { node.removeAttribute("aria-invalid"); });
  }

  /* Open the collapsed groups and session templates around a node, so what is focused is seen. */
  function reveal(node) {
    for (var parent = node && node.parentElement; parent; parent = parent.parentElement) {
      if (parent.tagName === "DETAILS") { parent.open = true; }
    }
    return node;
  }

  /* Put each error next to its field (or the nearest enclosing list); focus the first one on the page. */
  function showErrors(form, error) {
    clearErrors(form);
    var uid = form.getAttribute("data-uid");
    var targets = [];
    (error.errors || [error]).forEach(function (item) {
      var path = item.field || "";
      var slot = null;
      while (!slot) {
        slot = form.querySelector('[data-error-for="' + path + '"]');
        if (!slot && path === "") { break; }
        path = path.indexOf(".") >= 0 ? path.slice(0, path.lastIndexOf(".")) : "";
      }
      if (!slot) { return; }
      slot.textContent = slot.textContent ? slot.textContent + " " + item.message : item.message;
      var input = document.getElementById("verme-" + uid + "-" + (item.field || "").replace(/\./g, "-")) ||
        form.querySelector('[name="' + item.field + '"]');
      if (input) { input.setAttribute("aria-invalid", "true"); }
      reveal(slot);
      targets.push(input || slot);
    });
    targets.sort(function (a, b) {
      return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    if (targets.length) { targets[0].focus(); }
  }

  window.VermeStudioEditor = function (runtime, element) {
    var root = element && element.jquery ? element[0] : element;
    var notify = typeof runtime.notify === "function" ? runtime.notify.bind(runtime) : function () {};
    function form() { return root.querySelector("[data-verme-studio-form]"); }
    function announce(message) { window.Verme.announce(root, message); }
    function call(handler, payload) { return window.Verme.call(runtime, root, handler, payload); }

    function move(button, direction) {
      var item = button.closest("[data-item]");
      var sibling = direction === "up" ? item.previousElementSibling : item.nextElementSibling;
      if (!sibling) { return; }
      item.parentElement.insertBefore(item, direction === "up" ? sibling : sibling.nextElementSibling);
      renumber(form());
      var target = button.disabled ? own(item, '[data-action="' + (direction === "up" ? "down" : "up") + '"]')[0] : button;
      target.focus();
      announce(interpolate(gettext("Moved to position {number}."), {number: rows(item.closest("[data-list]")).indexOf(item) + 1}));
    }

    function remove(button) {
      var item = button.closest("[data-item]");
      var list = item.closest("[data-list]");
      var next = item.nextElementSibling || item.previousElementSibling;
      item.remove();
      renumber(form());
      var target = next ? own(next, '[data-action="remove"]')[0] : own(list, '[data-action="add"]')[0];
      (target || firstField(list)).focus();
      announce(gettext("Removed. Save to keep the change."));
    }

    function add(button) {
      var list = button.closest("[data-list]");
      var template = toArray(list.querySelectorAll("template[data-item-template]")).filter(function (node) {
        return node.parentElement === list;
      })[0];
      var item = template.content.firstElementChild.cloneNode(true);
      list.querySelector("[data-items]").appendChild(item);
      renumber(form());
      reveal(firstField(item)).focus();
      announce(gettext("Added. Fill in the new item."));
    }

    function reset(button) {
      var list = button.closest("[data-list]");
      call("studio_defaults", {list: button.getAttribute("data-list-name")}).then(function (result) {
        if (!result.ok) { announce(result.data.error.message); return; }
        var holder = document.createElement("div");
        holder.innerHTML = result.data.html;
        var fresh = holder.querySelector("[data-list]");
        list.parentElement.replaceChild(fresh, list);
        renumber(form());
        firstField(fresh.querySelector("[data-items]")).focus();
        announce(gettext("The defaults are back in the list. Save to keep them."));
      });
    }

    function preview(button) {
      var region = root.querySelector("[data-verme-preview]");
      call("studio_preview", {introduction: form().elements.introduction.value}).then(function (result) {
        if (!result.ok) { showErrors(form(), result.data.error); return; }
        region.innerHTML = result.data.html;  // sanitised Markdown rendered by the server
        region.hidden = false;
        button.focus();
        announce(gettext("The preview is below the introduction."));
      });
    }

    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !root.contains(button)) { return; }
      if (button.hasAttribute("data-verme-cancel")) { notify("cancel", {}); return; }
      var action = button.getAttribute("data-action");
      if (action === "up" || action === "down") { move(button, action); }
      else if (action === "remove") { remove(button); }
      else if (action === "add") { add(button); }
      else if (action === "reset") { reset(button); }
      else if (action === "preview") { preview(button); }
    });

    root.addEventListener("submit", function (event) {
      event.preventDefault();
      var current = form();
      clearErrors(current);
      notify("save", {state: "start", message: gettext("Saving")});
      call("studio_save", collect(current)).then(function (result) {
        if (result.ok) {
          var holder = document.createElement("div");
          holder.innerHTML = result.data.html;
          current.parentElement.replaceChild(holder.firstElementChild, current);
          renumber(form());
          announce(gettext("Saved."));
          notify("save", {state: "end"});
          return;
        }
        var errors = result.data.error.errors || [result.data.error];
        showErrors(current, result.data.error);
        var summary = errors.length > 1 ?
          interpolate(gettext("Not saved: {count} fields need attention."), {count: errors.length}) :
          result.data.error.message;
        announce(summary);
        notify("error", {title: gettext("The settings were not saved."), message: summary});
      });
    });

    renumber(form());
  };
}());
