package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// runBackup copies the journal into a new backup file, lists the
// backups, or changes the folder they go to. The folder is also chosen
// here, not only in the window, so a person who only uses the command
// line can keep backups on another disk.
func runBackup(c *cli, args []string) error {
	fs := c.flags("backup")
	var out, setDir optionalString
	fs.Var(&out, "o", "the file to write, or a folder to write a new backup in (default: a new file in the backup folder)")
	fs.Var(&setDir, "set-dir", "make DIR the backup folder; \"\" goes back to the default, beside the journal")
	list := fs.Bool("list", false, "list the backups, newest first")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("backup: unexpected %q. Name the file to write with -o FILE.", rest[0])
	}
	if n := btoi(out.set) + btoi(setDir.set) + btoi(*list); n > 1 {
		return usagef("backup: use one of -o, --list and --set-dir at a time.")
	}
	if out.set && out.value == "" {
		return usagef("backup: -o needs a file name, like -o ~/usb/journal-backup.db.")
	}
	switch {
	case *list:
		return listBackups(c)
	case setDir.set:
		return c.withJournal(false, func(store *jstore.Store) error {
			if err := store.SetBackupDir(setDir.value); err != nil {
				return err
			}
			dir, err := store.BackupDir()
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "Backups now go to %s.\n", dir)
			return nil
		})
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		made, err := store.Backup(out.value)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Backed up the journal to %s. Only you can read it (file mode 0600).\n", made)
		return nil
	})
}

// listBackups prints the backups in the journal's backup folder. It
// doesn't open the journal, so it works when the journal is damaged.
func listBackups(c *cli) error {
	path, err := c.journalPath()
	if err != nil {
		return err
	}
	dir := jstore.BackupDirFor(path)
	list, err := jstore.Backups(dir)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintf(c.stdout, "No backups in %s yet. Make one with `throughline backup`.\n", dir)
		return nil
	}
	fmt.Fprintf(c.stdout, "Backups in %s, newest first:\n", dir)
	for _, b := range list {
		fmt.Fprintf(c.stdout, "  %-22s %-14s %9s  %s\n", b.Time.Format("Mon 2 Jan 2006 15:04"), b.Kind, journal.ByteSize(b.Size), filepath.Base(b.Path))
	}
	return nil
}

// runRestore puts a backup in place of the journal. It never opens the
// journal through Open, so it works when the journal is damaged or gone.
func runRestore(c *cli, args []string) error {
	rest, err := parse(c.flags("restore"), args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("restore needs one backup file, like `throughline restore FILE`; `throughline backup --list` lists them.")
	}
	path, err := c.journalPath()
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return usagef("The journal path %q can't be used: %v.", path, err)
	}
	path = abs
	kept, err := jstore.RestoreBackup(path, rest[0], jstore.BackupDirFor(path))
	if err != nil {
		return err
	}
	backup, _ := filepath.Abs(rest[0])
	fmt.Fprintf(c.stdout, "Restored the journal at %s from %s.\n", path, backup)
	if kept == "" {
		fmt.Fprintln(c.stdout, "There was no journal there before, so there was nothing to keep.")
		return nil
	}
	fmt.Fprintf(c.stdout, "The journal you had is kept as %s: `throughline --db %s restore %s` puts it back.\n", kept, shellWord(path), shellWord(kept))
	return nil
}

// runCheck runs SQLite's integrity_check on the journal without opening
// it through Open: it changes nothing, and works on a damaged journal.
func runCheck(c *cli, args []string) error {
	rest, err := parse(c.flags("check"), args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("check: unexpected %q. It checks the journal that --db names.", rest[0])
	}
	path, err := c.journalPath()
	if err != nil {
		return err
	}
	problems, err := jstore.CheckFile(path)
	if err != nil {
		return err
	}
	if len(problems) != 1 || problems[0] != "ok" {
		return jstore.DamagedJournalError(path, problems)
	}
	n, err := jstore.CountEntriesInFile(path)
	if err != nil {
		return err
	}
	abs, _ := filepath.Abs(path)
	fmt.Fprintf(c.stdout, "The journal is sound: %d %s, checked page by page and index by index (SQLite's integrity_check) in %s.\n",
		n, map[bool]string{true: "entry", false: "entries"}[n == 1], abs)
	return nil
}

// shellWord quotes s for pasting into a shell as one word.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+:@%=,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
