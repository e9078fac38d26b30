from enum import StrEnum

class CapturedDataEncoding(StrEnum):
    BASE64 = "base64"
    CSV = "csv"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
