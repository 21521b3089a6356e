"""CSV files that spreadsheets open safely: UTF-8 with a byte-order mark, formulas neutralised.

Shared by every download (one's own reflections, the staff reports). `stream_csv` yields the file
row by row, so a large report never sits in memory as a whole.
"""
import csv
import io

# A cell that a spreadsheet would read as a formula starts with one of these; it gets a leading quote.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def neutralise(value):
    """A cell value that spreadsheets show as text, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


CHUNK_CHARACTERS = 64 * 1024


def stream_csv(rows, delimiter=","):
    """Encoded chunks of a CSV file (BOM first, then about 64 kB each); text cells neutralised.

    A cell given as a `Number` is written as it is: figures the report computed are not user text.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    buffer.write(BOM)
    for row in rows:
        writer.writerow([cell.text if isinstance(cell, Number) else neutralise(cell) for cell in row])
        if buffer.tell() >= CHUNK_CHARACTERS:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate(0)
    yield buffer.getvalue().encode("utf-8")


class Number:
    """A computed figure in a report cell, already formatted for the reader's language."""

    __slots__ = ("text",)

    def __init__(self, text):
        self.text = str(text)
