package journal

import (
	"slices"
	"strings"
)

// Validate checks a pattern before it is saved and tidies its name,
// category and colour.
func (p *Pattern) Validate() error {
	p.Name = CleanName(p.Name)
	p.Category = strings.ToLower(strings.TrimSpace(p.Category))
	p.Colour = strings.ToLower(strings.TrimSpace(p.Colour))
	if p.Name == "" {
		return Errorf(EInvalid, "A pattern needs a name.")
	}
	if strings.ContainsAny(p.Name, "#,") {
		return Errorf(EInvalid, "“%s” can't be a pattern name: leave out '#' and ','.", p.Name)
	}
	if p.Category == "" {
		p.Category = CategoryOwn
	}
	if !slices.Contains(Categories, p.Category) {
		return Errorf(EInvalid, "%q is not a pattern category. Use one of: %s.", p.Category, strings.Join(Categories, ", "))
	}
	if p.Colour != "" && !isColour(p.Colour) {
		return Errorf(EInvalid, "%q is not a colour. Write it as #rrggbb, like #3a7bd5, or leave it empty for the category's colour.", p.Colour)
	}
	return nil
}

func isColour(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range s[1:] {
		if !strings.ContainsRune("0123456789abcdef", c) {
			return false
		}
	}
	return true
}
