"""The one way a call is refused: a code, a translated message, the field it concerns, a 4xx status."""


class Refusal(Exception):
    """Raised by `api` and by input validation; handlers turn it into the error response."""

    def __init__(self, code, message, field=None, status=400, lines=None):
        super().__init__(message)
        self.code = code
        self.message = str(message)
        self.field = field
        self.status = status
        # For input of many lines (pasted people, a CSV file): [{"line", "text", "message"}], one per bad line.
        self.lines = lines

    def as_json(self):
        error = {"code": self.code, "message": self.message, "field": self.field}
        if self.lines:
            error["lines"] = self.lines
        return {"error": error}


def forbidden(message, code="forbidden"):
    return Refusal(code, message, status=403)


def not_found(message, code="not_found"):
    return Refusal(code, message, status=404)


def conflict(message, code="conflict"):
    return Refusal(code, message, status=409)
