// Package plainlocale stops Fyne from logging an error on every start in
// the "C.UTF-8" locale, the default of many containers and CI machines.
//
// Fyne reads the language from LC_ALL, LC_MESSAGES or LANG and fails to
// parse "C" out of "C.UTF-8"; it does read LANGUAGE first, so we set
// that to English, which is what the C locale means. LANGUAGE matters to
// nothing else in this program. Import it for its side effect, first:
// Go initialises it before Fyne's packages because it has no imports of
// its own beyond the standard library and its path sorts before
// golang.org/x/text, which Fyne's lang package waits for.
package plainlocale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			if strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.") {
				os.Setenv("LANGUAGE", "en")
			}
			return
		}
	}
}
