/* The good-practice bank: share, edit and delete posts, filter and search, load more, mark useful,
 * comment, report and moderate. Every change comes back from the server as re-rendered HTML from the
 * same templates as the first paint; this code only swaps fragments, moves focus and announces. */
(function () {
  "use strict";

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = (html || "").trim();
    return template.content;
  }

  /* Form fields as a payload: checkbox groups become lists, radios their checked value. */
  function collect(form) {
    var payload = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name) { return; }
      if (field.type === "checkbox") {
        payload[field.name] = payload[field.name] || [];
        if (field.checked) { payload[field.name].push(field.value); }
      } else if (field.type === "radio") {
        if (field.checked) { payload[field.name] = field.value; }
      } else {
        payload[field.name] = field.value;
      }
    });
    return payload;
  }

  function showError(form, error) {
    window.Verme.showErrors(form, error);
    var general = form.querySelector("[data-form-error]");
    if (general) { general.textContent = error && !error.field ? error.message : ""; }
    if (error && !error.field && general) {
      general.setAttribute("tabindex", "-1");
      general.focus();
    }
  }

  window.Verme.register(function (ctx) {
    var section = ctx.root.querySelector("[data-verme-bank]");
    if (!section) { return; }
    var list = section.querySelector("[data-bank-list]");
    var more = section.querySelector("[data-bank-more]");
    var filtersForm = section.querySelector("[data-bank-filters]");
    var filters = {};

    function articleOf(node) { return node.closest("[data-post-id].verme-post"); }

    function replaceArticle(article, html) {
      var node = fragment(html).firstElementChild;
      if (article && node) { article.replaceWith(node); }
      return node;
    }

    function busy(form, on) {
      Array.prototype.forEach.call(form.querySelectorAll("button"), function (button) { button.disabled = on; });
    }

    function submitForm(form, handler, payload, done) {
      showError(form, null);
      busy(form, true);
      return ctx.call(handler, payload).then(function (result) {
        busy(form, false);
        if (!result.ok) {
          showError(form, result.data.error);
          ctx.announce(result.data.error.message);
          return;
        }
        done(result.data);
        ctx.announce(result.data.message || "");
      });
    }

    function setMore(cursor) {
      more.hidden = !cursor;
      more.setAttribute("data-cursor", cursor || "");
    }

    function loadPosts(cursor) {
      var payload = Object.assign({}, filters, {cursor: cursor || ""});
      return ctx.call("bank_list", payload).then(function (result) {
        if (!result.ok) {
          showError(filtersForm, result.data.error);
          ctx.announce(result.data.error.message);
          return;
        }
        var nodes = fragment(result.data.html);
        var first = nodes.querySelector(".verme-post");
        if (cursor) { list.appendChild(nodes); } else { list.replaceChildren(nodes); }
        setMore(result.data.next_cursor);
        if (cursor && first) { first.focus(); }
        ctx.announce(result.data.summary);
      });
    }

    filtersForm.addEventListener("submit", function (event) {
      event.preventDefault();
      showError(filtersForm, null);
      filters = collect(filtersForm);
      loadPosts("");
    });
    filtersForm.addEventListener("reset", function () {
      window.setTimeout(function () { filters = {}; loadPosts(""); }, 0);
    });
    more.addEventListener("click", function () { loadPosts(more.getAttribute("data-cursor")); });

    section.addEventListener("submit", function (event) {
      var form = event.target;
      var article = articleOf(form);
      if (form.hasAttribute("data-bank-form")) {
        event.preventDefault();
        var payload = collect(form);
        var postId = form.getAttribute("data-post-id");
        if (postId) {
          payload.post_id = Number(postId);
          submitForm(form, "bank_edit", payload, function (data) {
            replaceArticle(article, data.html).focus();
          });
        } else {
          submitForm(form, "bank_create", payload, function (data) {
            var node = fragment(data.html).firstElementChild;
            var empty = list.querySelector(".verme-empty");
            if (empty) { empty.remove(); }
            list.insertBefore(node, list.firstChild);
            form.reset();
            section.querySelector("[data-bank-compose]").open = false;
            node.focus();
          });
        }
      } else if (form.hasAttribute("data-bank-comment-form")) {
        event.preventDefault();
        submitForm(form, "bank_comment", {post_id: Number(article.getAttribute("data-post-id")),
          body: form.elements.body.value}, function (data) {
          var node = replaceArticle(article, data.html);
          node.querySelector("[data-bank-comments-heading]").focus();
        });
      } else if (form.hasAttribute("data-bank-report-form")) {
        event.preventDefault();
        var commentId = form.getAttribute("data-comment-id");
        submitForm(form, "bank_report", {post_id: Number(article.getAttribute("data-post-id")),
          comment_id: commentId ? Number(commentId) : null, reason: form.elements.reason.value}, function (data) {
          var details = form.closest("details");
          form.reset();
          if (details) {
            details.open = false;
            details.querySelector("summary").focus();
          }
          var general = form.querySelector("[data-form-error]");
          if (general) { general.textContent = ""; }
          ctx.announce(data.message);
        });
      } else if (form.hasAttribute("data-bank-moderate-form")) {
        event.preventDefault();
        var submitter = event.submitter || form.querySelector("button[type=submit]");
        var targetComment = form.getAttribute("data-comment-id");
        var targetPost = form.getAttribute("data-post-id");
        submitForm(form, "bank_moderate", {post_id: Number(targetPost), action: submitter.value,
          comment_id: targetComment ? Number(targetComment) : null, reason: form.elements.reason.value},
        function (data) {
          var queue = section.querySelector("[data-bank-queue]");
          if (queue) { queue.replaceChildren(fragment(data.queue_html)); }
          var shown = list.querySelector('.verme-post[data-post-id="' + targetPost + '"]');
          var node = shown ? replaceArticle(shown, data.html) : null;
          if (article && node) {
            node.focus();
          } else if (queue) {
            queue.querySelector("[data-bank-queue-heading]").focus();
          }
        });
      }
    });

    section.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !section.contains(button)) { return; }
      var article = articleOf(button);
      if (button.hasAttribute("data-bank-useful")) {
        ctx.call("bank_useful", {post_id: Number(article.getAttribute("data-post-id"))}).then(function (result) {
          if (!result.ok) { ctx.announce(result.data.error.message); return; }
          replaceArticle(button, result.data.html).focus();  // the answer is the new button alone
          ctx.announce(result.data.message);
        });
      } else if (button.hasAttribute("data-bank-delete")) {
        ctx.call("bank_delete", {post_id: Number(article.getAttribute("data-post-id"))}).then(function (result) {
          if (!result.ok) { ctx.announce(result.data.error.message); return; }
          article.remove();
          section.querySelector("[data-bank-heading]").focus();
          ctx.announce(result.data.message);
        });
      }
    });
  });
}());
