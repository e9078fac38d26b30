from enum import StrEnum

class CapturedDataType0Encoding(StrEnum):
    BASE64 = "base64"
    CSV = "csv"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
