from dataclasses import dataclass
import datetime
def find_dates(sentence, published, language): return []
