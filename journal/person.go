package journal

import "strings"

// cleanAliases tidies each alias and drops blanks, repeats and the name itself.
func cleanAliases(name string, aliases []string) []string {
	seen := map[string]bool{NameKey(name): true}
	var out []string
	for _, a := range aliases {
		a = CleanName(a)
		if a == "" || seen[NameKey(a)] {
			continue
		}
		seen[NameKey(a)] = true
		out = append(out, a)
	}
	return out
}

// Validate checks a person before they are saved and tidies the name.
func (p *Person) Validate() error {
	role, err := ParseRole(string(p.Role))
	if err != nil {
		return err
	}
	p.Name, p.Role = CleanName(p.Name), role
	if p.Name == "" {
		return Errorf(EInvalid, "A person needs a name or initials.")
	}
	p.Aliases = cleanAliases(p.Name, p.Aliases)
	return nil
}

// ParseAliases reads other names typed as a list, separated by commas.
func ParseAliases(typed string) []string {
	return strings.Split(typed, ",")
}
