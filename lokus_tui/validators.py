"""Textual Input validators for instant feedback; the data layer decides."""

from textual.validation import ValidationResult, Validator

from db.validation import Errors, parse_amount, parse_date, parse_time


class _Parsed(Validator):
    parser = staticmethod(parse_date)

    def validate(self, value: str) -> ValidationResult:
        errors = Errors()
        self.parser(value, "x", "Värdet", errors)
        return self.failure(errors[0].message) if errors else self.success()


class DateValidator(_Parsed):
    parser = staticmethod(parse_date)


class TimeValidator(_Parsed):
    parser = staticmethod(parse_time)


class AmountValidator(_Parsed):
    parser = staticmethod(parse_amount)
