"""What every reader and output of the engine shares, whatever it reads or writes.

- `problems`: a problem located at file:line:column, and the error that carries a list of them;
- `yaml_reader`: the one YAML reader, which remembers positions and refuses input it cannot carry;
- `ids`: the rule for stable ids;
- `messages`: interface strings per language, one JSON catalogue per language in a folder;
- `markup`: inline and block Markdown as safe HTML, and HTML templates with autoescaping.
"""
