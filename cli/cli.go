// Package cli is Throughline's command line: every command runs headless
// through the same journal code as the window. This file is its
// framework (dispatch, flags, help, JSON output); each command group has
// a file named after it.
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
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
		{"add", "--title T [--body B | body on stdin] [--mood N] [--pattern P]... [--emotion E]... [--kind K] [--at DATE] [--flag]", "write a new entry", runAdd},
		{"list", "[--json] [--since DATE] [--until DATE] [--limit N]", "list entries, newest first", runList},
		{"show", "ID [--json]", "show one entry in full", runShow},
		{"search", "[WORDS...] [--from DATE] [--to DATE] [--pattern P]... [--emotion E]... [--person NAME]... [--mood N|N-M] [--flagged] [--newest] [--limit N] [--offset N] [--json]", "find entries by their words (\"a phrase\", prefix*, OR, NOT) and filters, best match first", runSearch},
		{"edit", "ID [the flags of add]", "change an entry; only the flags given change", runEdit},
		{"delete", "ID", "delete an entry for good", runDelete},
		{"attach", "ID FILE...", "keep images, audio or PDFs in an entry (at most 50 MB each)", runAttach},
		{"attachments", "ID [--json]", "list the files an entry holds, with their size in bytes and sha256", runAttachments},
		{"detach", "ID NAME", "remove a file from an entry for good", runDetach},
		{"patterns", "[--period 7d|30d|90d|all|since-session] [--from DATE --to DATE] [--json]", "how often each pattern came up, against the days before", runPatterns},
		{"pattern", "list [--json] [--all] | add NAME [--category C] [--description D] [--colour #rrggbb] | rename OLD NEW | recolour NAME #rrggbb|none | merge FROM INTO | archive NAME [--undo] | to-emotion NAME [--family F]", "manage the pattern vocabulary", runPattern},
		{"emotion", "list [--json] | to-pattern NAME", "list the feelings (emotion words), or make one a pattern", runEmotion},
		{"person", "list [--json] | add NAME [--role R] [--aliases A,B] | edit NAME [--name NEW] [--role R] [--aliases A,B]", "list the people in the journal, add someone, or change who they are to you and the other names they go by", runPerson},
		{"episode", "add ENTRY_ID --person NAME [--wish C]... [--other C]... [--self C]... [--wish-text T] [--other-text T] [--self-text T] [--other-expected] [--self-expected] [--other-valence V] [--self-valence V] | list [--json]", "add a relationship episode to an entry, with its CCRT categories, or list them", runEpisode},
		{"ccrt", "[--period 7d|30d|90d|all|since-session] [--from DATE --to DATE] [--person NAME] [--json]", "the theme that recurs across your relationship episodes: the most frequent wish, response of the other and your response, and how they moved", runCCRT},
		{"goal", "list [--json] [--all] | add TITLE [--description D] [--under GOAL] | starter [NUMBER]... [--all] | reorder GOAL POSITION|up|down | checkin GOAL RATING [--note N] [--at DATE] | complete GOAL | archive GOAL | reopen GOAL", "your goals for therapy: list, add, reorder, check in on, complete or archive them", runGoal},
		{"session", "list [--json] | add [--at DATE] [--format F] [--approach A] [--new-course] [--takeaways T] [--question Q]...", "the therapy sessions you've had: list them or log one", runSession},
		{"checkin", "--mood N [--emotion E]... [--at DATE] | list [--json] | delete ID", "note how you feel right now, a mood from 1 to 10 and a few feelings, without writing an entry; list those check-ins, or delete one", runCheckin},
		{"measure", "phq9|gad7 --answers 0,1,2,... [--difficulty 0-3] [--json] [--dry-run] [--at DATE]", "score a PHQ-9 or GAD-7 self-report questionnaire, and keep it", runMeasure},
		{"crisis", "[--where PLACE] [--line TEXT] | --list", "show where to call if you're struggling right now, or say where you live so it shows the lines there", runCrisis},
		{"export", "--format pdf|md|html|csv|json [--entries] [--since-last-session | --from D --to D] [--flagged-only] [--redact-people [--hide WORD]...] [--sections a,b,...] -o FILE", "write a session-prep report; with --entries --format md, the entries themselves as one Markdown file (like jrnl's); csv, the entries as a table; json, everything", runExport},
		{"import", "FILE [--format jrnl|dayone|daylio|markdown|throughline] [--json]", "bring in entries from jrnl, Day One, Daylio, Markdown files or a Throughline export", runImport},
		{"encryption", "[on | off | passphrase]", "say whether the journal is encrypted; turn encryption on or off, or change the passphrase ($THROUGHLINE_PASSPHRASE, $THROUGHLINE_NEW_PASSPHRASE for scripts)", runEncryption},
		{"sync", "[--folder DIR [--name NAME]] | --status [--json] | --off", "sync the journal, end-to-end encrypted, through a folder Syncthing (or any file-sync service) moves between your computers: --folder turns it on, or joins the journal synced there when this computer has none yet ($THROUGHLINE_PASSPHRASE for scripts); with nothing, sync once; --off stops", runSync},
		{"backup", "[-o FILE] | --list | --set-dir DIR", "copy the journal into a new backup file (in the backup folder unless -o), list the backups, or change their folder", runBackup},
		{"restore", "FILE", "put a backup in place of the journal, keeping the journal you had as a backup", runRestore},
		{"check", "", "check every page of the journal for damage, changing nothing", runCheck},
		{"paths", "", "print where every file lives", runPaths},
		{"version", "", "print the version", runVersion},
		{"help", "", "show this help", runHelp},
	}
}

// App is what the command line needs from the program around it, which
// main hands in, so the command line links no GUI toolkit.
type App struct {
	Version string
	// Settings is where the window keeps its own settings, for `paths`.
	Settings func() jstore.Location
	// OpenWindow runs the window on the journal at path until it quits,
	// for a run with no command, and returns the exit code.
	OpenWindow func(path string) int
}

// cli carries what every command needs.
type cli struct {
	app            App
	dbFlag         string // --db, before or after the command; "" when not given
	passphrase     string // what unlocked an encrypted journal, for encryption off and passphrase
	stdin          io.Reader
	stdout, stderr io.Writer
}

// usageError is a mistake in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// Run is the whole program: it returns the exit code so tests can call
// it directly.
func (app App) Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{app: app, stdin: stdin, stdout: stdout, stderr: stderr}
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
		return app.OpenWindow(path)
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
	store, err := jstore.Open(path, upgradeLines(c.stderr))
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
	fmt.Fprintf(c.stdout, "Throughline %s: a private journal for people in talk therapy.\n\n", c.app.Version)
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
	fmt.Fprintln(c.stdout, "Dates are read in your local time, written like "+journal.WhenForms+".")
	fmt.Fprintln(c.stdout, "Exit status: 0 done, 1 the journal couldn't do it, 2 the command or its input was wrong.")
	return nil
}

func runVersion(c *cli, _ []string) error {
	fmt.Fprintf(c.stdout, "Throughline %s\n", c.app.Version)
	return nil
}

// subcommand is one verb of a command that groups several, like
// `pattern add`. A group's verbs share its flags' conventions.
type subcommand struct {
	name, args, summary string
	run                 func(c *cli, args []string) error
}

// runGroup runs the verb of subs that args names. Flags before the verb
// (only --db and --help) belong to the group.
func (c *cli) runGroup(group string, subs []subcommand, args []string) error {
	fs := c.flags(group)
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		printGroupHelp(c.stdout, group, subs)
		return nil
	} else if err != nil {
		return usagef("%s: %v. Run `throughline %s --help` for how to use it.", group, err, group)
	}
	var names []string
	for _, sub := range subs {
		names = append(names, sub.name)
	}
	verbs := strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
	rest := fs.Args()
	if len(rest) == 0 {
		return usagef("%s needs one of: %s, like `throughline %s %s`. Run `throughline %s --help` for how to use them.",
			group, verbs, group, subs[0].name, group)
	}
	for _, sub := range subs {
		if sub.name != rest[0] {
			continue
		}
		err := sub.run(c, rest[1:])
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(c.stdout, "Usage: throughline %s %s %s\n%s.\n", group, sub.name, sub.args, capitalise(sub.summary))
			return nil
		}
		return err
	}
	article := "a"
	if strings.ContainsRune("aeiou", rune(group[0])) {
		article = "an"
	}
	return usagef("%q is not %s %s command. Use one of: %s. Run `throughline %s --help` for how to use them.",
		rest[0], article, group, verbs, group)
}

func printGroupHelp(w io.Writer, group string, subs []subcommand) {
	fmt.Fprintf(w, "Usage: throughline %s COMMAND [FLAGS]\n\nCommands:\n", group)
	width := 9
	for _, sub := range subs {
		width = max(width, len(sub.name))
	}
	for _, sub := range subs {
		fmt.Fprintf(w, "  %-*s %s\n", width, sub.name, sub.summary)
		fmt.Fprintf(w, "  %*s throughline %s %s %s\n", width, "", group, sub.name, sub.args)
	}
}

// positionals parses a verb's flags and checks it was given exactly n
// arguments; need says which, with an example.
func positionals(fs *flag.FlagSet, args []string, n int, need string) ([]string, error) {
	rest, err := parse(fs, args)
	if err != nil {
		return nil, err
	}
	switch {
	case n == 0 && len(rest) > 0:
		return nil, usagef("%s: unexpected %q. Run `throughline %s --help` for how to use it.", fs.Name(), rest[0], fs.Name())
	case len(rest) != n:
		return nil, usagef("%s needs %s. Put a name with spaces in quotes.", fs.Name(), need)
	}
	return rest, nil
}

// negativeNumber is an argument like -1: to a person it is a number, to
// the flag package an unknown flag.
var negativeNumber = regexp.MustCompile(`^-[0-9][0-9.]*$`)

// numberPositionals is positionals for verbs whose arguments are
// numbers: a negative number is an argument, refused as a number, not
// an unknown flag.
func numberPositionals(fs *flag.FlagSet, args []string, n int, need string) ([]string, error) {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i+1:]...)
			i = len(args)
		case negativeNumber.MatchString(a):
			rest = append(rest, a)
		case strings.HasPrefix(a, "-") && a != "-":
			flags = append(flags, a)
			name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			if f := fs.Lookup(name); f != nil && !hasValue && !isBoolFlag(f) && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		default:
			rest = append(rest, a)
		}
	}
	more, err := parse(fs, flags)
	if err != nil {
		return nil, err
	}
	if rest = append(rest, more...); len(rest) != n {
		return nil, usagef("%s needs %s.", fs.Name(), need)
	}
	return rest, nil
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// writeJSON prints v as indented JSON, the shape scripts read.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// count writes n with the word for one or for many.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// optionalString is a string flag that remembers whether it was given.
type optionalString struct {
	value string
	set   bool
}

func (o *optionalString) String() string { return o.value }
func (o *optionalString) Set(s string) error {
	o.value, o.set = s, true
	return nil
}

// optionalBool is a bool flag that remembers whether it was given, so
// `edit --flag=false` can clear the flag.
type optionalBool struct {
	value bool
	set   bool
}

func (o *optionalBool) String() string   { return strconv.FormatBool(o.value) }
func (o *optionalBool) IsBoolFlag() bool { return true }
func (o *optionalBool) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	o.value, o.set = v, true
	return nil
}

// listFlag collects a repeatable flag.
type listFlag struct {
	values []string
	set    bool
}

func (l *listFlag) String() string { return "" }
func (l *listFlag) Set(s string) error {
	l.values, l.set = append(l.values, s), true
	return nil
}
