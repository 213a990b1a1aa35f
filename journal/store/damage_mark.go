package store

import (
	"os"
	"strings"
)

// The damage mark is a small file beside a journal found damaged, naming
// what was wrong. The check that finds damage reads the whole file, too
// slow for every opening, so its verdict is kept here: every later
// program that opens the journal refuses it at once, for the cost of one
// stat. Restoring a backup, or a check that finds the journal sound
// again, removes it.

// damageMark is the mark's path for the journal at path.
func damageMark(path string) string { return path + ".damaged" }

// markDamaged writes the mark. Failing to is not worth a second error:
// this program still refuses writes, and the next check finds it again.
func markDamaged(path string, problems []string) {
	os.WriteFile(damageMark(path), []byte(strings.Join(problems, "\n")+"\n"), 0o600)
}

// clearDamageMark removes the mark, if there is one.
func clearDamageMark(path string) { os.Remove(damageMark(path)) }

// markedDamage is the damage the mark records, or nil when there is none.
func markedDamage(path string) error {
	data, err := os.ReadFile(damageMark(path))
	if err != nil {
		return nil
	}
	problems := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(problems) == 0 || problems[0] == "" {
		problems = []string{"an earlier check found it damaged"}
	}
	return DamagedJournalError(path, problems)
}
