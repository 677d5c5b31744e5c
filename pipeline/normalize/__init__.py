"""Pure normalisers over strings: numbers, money, dates and places. No spaCy here."""
