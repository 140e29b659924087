"""The built-in rule set and Swedish lexicons (data only), installed as jamlint._rules."""
