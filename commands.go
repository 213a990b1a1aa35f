package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/throughline/throughline/journal"
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
		{"edit", "ID [the flags of add]", "change an entry; only the flags given change", runEdit},
		{"delete", "ID", "delete an entry for good", runDelete},
		{"paths", "", "print where every file lives", runPaths},
		{"version", "", "print the version", runVersion},
		{"help", "", "show this help", runHelp},
	}
}

// cli carries what every command needs.
type cli struct {
	dbPath         string
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
	db := global.String("db", "", "journal file")
	if err := global.Parse(args); err != nil {
		return c.fail(usagef("%v. Run `throughline help` for the commands.", err))
	}
	path, err := journalPath(*db)
	if err != nil {
		return c.fail(err)
	}
	c.dbPath = path
	rest := global.Args()
	if len(rest) == 0 {
		return openWindow(c.dbPath)
	}
	for _, cmd := range commands {
		if cmd.name == rest[0] {
			return c.fail(cmd.run(c, rest[1:]))
		}
	}
	if rest[0] == "-h" || rest[0] == "--help" {
		return c.fail(runHelp(c, nil))
	}
	return c.fail(usagef("%q is not a command. Run `throughline help` for the commands.", rest[0]))
}

// journalPath picks the journal: --db, then THROUGHLINE_DB, then the
// per-user default.
func journalPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if env := os.Getenv("THROUGHLINE_DB"); env != "" {
		return env, nil
	}
	return journal.DefaultPath()
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
	fs.Func("db", "journal file", func(s string) error { c.dbPath = s; return nil })
	return fs
}

// parse parses a command's flags, allowing them before and after
// positional arguments, and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
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

func (c *cli) open() (*journal.Store, error) { return journal.Open(c.dbPath) }

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
	for _, l := range append(journal.Locations(c.dbPath), toolkitSettings()) {
		fmt.Fprintf(c.stdout, "%-55s %s\n", l.What+":", l.Path)
	}
	fmt.Fprintln(c.stdout, "Throughline writes nothing else, and never uses the network.")
	return nil
}

// toolkitSettings is where Fyne keeps the window's settings: the same
// place fyne.App.Storage() uses on Linux and the BSDs.
func toolkitSettings() journal.Location {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "$XDG_CONFIG_HOME"
	}
	return journal.Location{What: ui.SettingsWhat, Path: filepath.Join(dir, "fyne", appID, "preferences.json")}
}
