package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
	"github.com/throughline/throughline/ui"
)

// Exit codes: 0 done, 1 the journal couldn't do it, 2 the command was
// wrong (a flag, a date, a mood).
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// command is one subcommand. Commands get the parsed-out journal path and
// open the journal themselves, so `help` and `version` never touch it.
type command struct {
	name, args, summary string
	run                 func(c *cli, args []string) error
}

var commands []command

func init() {
	// Assigned here, not in the declaration, because `help` lists commands.
	commands = []command{
		{"add", "--title T [--body B | body on stdin] [--mood N] [--pattern P]... [--emotion E]... [--kind K] [--at \"YYYY-MM-DD HH:MM\"] [--flag]", "write a new entry", runAdd},
		{"list", "[--json] [--since DATE] [--until DATE]", "list entries, newest first", runList},
		{"show", "ID [--json]", "show one entry in full", runShow},
		{"search", "[WORDS...] [--from DATE] [--to DATE] [--pattern P]... [--emotion E]... [--person NAME]... [--mood N|N-M] [--flagged] [--newest] [--limit N] [--json]", "find entries by their words (\"a phrase\", prefix*, OR, NOT) and filters, best match first", runSearch},
		{"edit", "ID [the flags of add]", "change an entry; only the flags given change", runEdit},
		{"delete", "ID", "delete an entry for good", runDelete},
		{"patterns", "[--period 7d|30d|90d|all|since-session] [--from DATE --to DATE] [--json]", "how often each pattern came up, against the days before", runPatterns},
		{"pattern", "list [--json] [--all] | add NAME [--category C] [--description D] [--colour #rrggbb] | rename OLD NEW | recolour NAME #rrggbb|none | merge FROM INTO | archive NAME [--undo]", "manage the pattern vocabulary", runPattern},
		{"person", "list [--json] | add NAME [--role R] [--aliases A,B] | edit NAME [--name NEW] [--role R] [--aliases A,B]", "list the people in the journal, add someone, or change who they are to you and the other names they go by", runPerson},
		{"goal", "list [--json] [--all] | add TITLE [--description D] [--under GOAL] | starter [--all] | reorder GOAL POSITION|up|down | checkin GOAL RATING [--note N] [--at DATE] | complete GOAL | archive GOAL | reopen GOAL", "your goals for therapy: list, add, reorder, check in on, complete or archive them", runGoal},
		{"session", "list [--json] | add [--at \"YYYY-MM-DD HH:MM\"] [--format F] [--approach A] [--takeaways T] [--question Q]...", "the therapy sessions you've had: list them or log one", runSession},
		{"measure", "phq9|gad7 --answers 0,1,2,... [--difficulty 0-3] [--json] [--dry-run] [--at DATE]", "score a PHQ-9 or GAD-7 self-report questionnaire, and keep it", runMeasure},
		{"crisis", "[--where PLACE] [--line TEXT] | --list", "show where to call if you're struggling right now, or say where you live so it shows the lines there", runCrisis},
		{"export", "--format pdf|md|html|csv|json [--since-last-session | --from D --to D] [--flagged-only] [--redact-people [--hide WORD]...] [--sections a,b,...] -o FILE", "write a session-prep report, or export everything", runExport},
		{"import", "FILE [--format jrnl|dayone|daylio|markdown|throughline] [--json]", "bring in entries from jrnl, Day One, Daylio, Markdown files or a Throughline export", runImport},
		{"encryption", "[on | off | passphrase]", "say whether the journal is encrypted; turn encryption on or off, or change the passphrase ($THROUGHLINE_PASSPHRASE, $THROUGHLINE_NEW_PASSPHRASE for scripts)", runEncryption},
		{"backup", "[-o FILE] | --list | --set-dir DIR", "copy the journal into a new backup file (in the backup folder unless -o), list the backups, or change their folder", runBackup},
		{"restore", "FILE", "put a backup in place of the journal, keeping the journal you had as a backup", runRestore},
		{"check", "", "check every page of the journal for damage, changing nothing", runCheck},
		{"paths", "", "print where every file lives", runPaths},
		{"version", "", "print the version", runVersion},
		{"help", "", "show this help", runHelp},
	}
}

// cli carries what every command needs.
type cli struct {
	dbFlag         string // --db, before or after the command; "" when not given
	passphrase     string // what unlocked an encrypted journal, for encryption off and passphrase
	stdin          io.Reader
	stdout, stderr io.Writer
}

// usageError is a mistake in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// run is the whole program: it returns the exit code so tests can call
// it directly.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	global := flag.NewFlagSet("throughline", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	global.StringVar(&c.dbFlag, "db", "", "journal file")
	if err := global.Parse(args); errors.Is(err, flag.ErrHelp) {
		return c.fail(runHelp(c, nil))
	} else if err != nil {
		return c.fail(usagef("%v. Run `throughline help` for the commands.", err))
	}
	rest := global.Args()
	if len(rest) == 0 {
		path, err := c.journalPath()
		if err != nil {
			return c.fail(err)
		}
		return openWindow(path)
	}
	for _, cmd := range commands {
		if cmd.name == rest[0] {
			err := cmd.run(c, rest[1:])
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprintf(c.stdout, "Usage: throughline %s %s\n%s.\n", cmd.name, cmd.args, capitalise(cmd.summary))
				return exitOK
			}
			return c.fail(err)
		}
	}
	return c.fail(usagef("%q is not a command. Run `throughline help` for the commands.", rest[0]))
}

// journalPath picks the journal: --db, then THROUGHLINE_DB, then the
// per-user default. It is worked out only when a command needs it, so
// help and version work without a home folder.
func (c *cli) journalPath() (string, error) {
	if c.dbFlag != "" {
		return c.dbFlag, nil
	}
	if env := os.Getenv("THROUGHLINE_DB"); env != "" {
		return env, nil
	}
	return jstore.DefaultPath()
}

// fail prints err for a person and picks the exit code.
func (c *cli) fail(err error) int {
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(c.stderr, "throughline:", err)
	var ue usageError
	if errors.As(err, &ue) || journal.ErrorCode(err) == journal.EInvalid {
		return exitUsage
	}
	return exitError
}

// flags makes a command's flag set; --db is accepted after the command too.
func (c *cli) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.dbFlag, "db", c.dbFlag, "journal file")
	return fs
}

// parse parses a command's flags, allowing them before and after
// positional arguments, and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
			return nil, err
		} else if err != nil {
			return nil, usagef("%s: %v. Run `throughline help` for how to use it.", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// open opens the journal for a command. Only commands that write a new
// entry may create it: a mistyped --db for list or show should say so,
// not leave an empty journal behind.
func (c *cli) open(create bool) (*jstore.Store, error) {
	path, err := c.journalPath()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); !create && errors.Is(err, fs.ErrNotExist) {
		return nil, journal.Errorf(journal.ENotFound, "There is no journal at %s yet. Check --db or THROUGHLINE_DB, or write a first entry with `throughline add`.", path)
	}
	store, err := jstore.Open(path)
	if err != nil || !store.Encrypted() {
		return store, err
	}
	if c.passphrase, err = askPassphrase(envPassphrase, "Passphrase for "+path+": "); err == nil {
		err = store.Unlock(c.passphrase)
	}
	if err != nil {
		store.Close()
		return nil, err
	}
	return store, nil
}

// withJournal opens the journal for a command, runs do on it and closes
// it again.
func (c *cli) withJournal(create bool, do func(*jstore.Store) error) error {
	store, err := c.open(create)
	if err != nil {
		return err
	}
	defer store.Close()
	return do(store)
}

func capitalise(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func runHelp(c *cli, _ []string) error {
	fmt.Fprintf(c.stdout, "Throughline %s: a private journal for people in talk therapy.\n\n", version)
	fmt.Fprintln(c.stdout, "Usage: throughline [--db PATH] [COMMAND [FLAGS]]")
	fmt.Fprintln(c.stdout, "With no command, the journal window opens.")
	fmt.Fprintln(c.stdout, "\nCommands:")
	for _, cmd := range commands {
		fmt.Fprintf(c.stdout, "  %-8s %s\n", cmd.name, cmd.summary)
		if cmd.args != "" {
			fmt.Fprintf(c.stdout, "           throughline %s %s\n", cmd.name, cmd.args)
		}
	}
	fmt.Fprintln(c.stdout, "\nThe journal is --db PATH, else $THROUGHLINE_DB, else the default that `throughline paths` prints.")
	fmt.Fprintln(c.stdout, "Dates are written YYYY-MM-DD or YYYY-MM-DD HH:MM, in your local time.")
	fmt.Fprintln(c.stdout, "Exit status: 0 done, 1 the journal couldn't do it, 2 the command or its input was wrong.")
	return nil
}

func runVersion(c *cli, _ []string) error {
	fmt.Fprintf(c.stdout, "Throughline %s\n", version)
	return nil
}

func runPaths(c *cli, args []string) error {
	if _, err := parse(c.flags("paths"), args); err != nil {
		return err
	}
	path, err := c.journalPath()
	if err != nil {
		return err
	}
	for _, l := range append(jstore.Locations(path), toolkitSettings()) {
		fmt.Fprintf(c.stdout, "%-55s %s\n", l.What+":", l.Path)
	}
	fmt.Fprintln(c.stdout, "Throughline writes nothing else, and never uses the network.")
	return nil
}

// toolkitSettings is where Fyne keeps the window's settings: the same
// place fyne.App.Storage() uses on Linux and the BSDs.
func toolkitSettings() jstore.Location {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "$XDG_CONFIG_HOME"
	}
	return jstore.Location{What: ui.SettingsWhat, Path: filepath.Join(dir, "fyne", appID, "preferences.json")}
}
