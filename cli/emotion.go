package cli

import (
	"fmt"
	"strings"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

var emotionCommands = []subcommand{
	{"list", "[--json]", "list the feelings by family", runEmotionList},
	{"to-pattern", "NAME", "make a feeling a pattern of your own; entries and episodes that name it keep it", runEmotionToPattern},
}

func runEmotion(c *cli, args []string) error { return c.runGroup("emotion", emotionCommands, args) }

// emotionJSON is the stable JSON shape of an emotion for scripts.
type emotionJSON struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Family string `json:"family"`
}

func runEmotionList(c *cli, args []string) error {
	fs := c.flags("emotion list")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := positionals(fs, args, 0, ""); err != nil {
		return err
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		emotions, err := store.Emotions()
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]emotionJSON, len(emotions))
			for i, e := range emotions {
				out[i] = emotionJSON{ID: e.ID, Name: e.Name, Family: e.Family}
			}
			return writeJSON(c.stdout, out)
		}
		var words []string
		for i, e := range emotions {
			words = append(words, e.Name)
			if i == len(emotions)-1 || emotions[i+1].Family != e.Family {
				fmt.Fprintf(c.stdout, "%s: %s\n", capitalise(e.Family), strings.Join(words, ", "))
				words = nil
			}
		}
		return nil
	})
}

func runEmotionToPattern(c *cli, args []string) error {
	rest, err := positionals(c.flags("emotion to-pattern"), args, 1, "the feeling's name, like `throughline emotion to-pattern numb`")
	if err != nil {
		return err
	}
	return c.withJournal(false, func(store *jstore.Store) error {
		e, err := store.EmotionNamed(rest[0])
		if err != nil {
			return err
		}
		conv, err := store.EmotionToPattern(e.ID)
		if err != nil {
			return err
		}
		if conv.Merged {
			fmt.Fprintln(c.stdout, conv.Message())
			return nil
		}
		fmt.Fprintf(c.stdout, "%s Undo with: throughline pattern to-emotion %q --family %s\n", conv.Message(), conv.Name, e.Family)
		return nil
	})
}

func runPatternToEmotion(c *cli, args []string) error {
	fs := c.flags("pattern to-emotion")
	family := fs.String("family", journal.FamilyOther, "the family of feelings it joins: "+strings.Join(journal.EmotionFamilies, ", "))
	rest, err := positionals(fs, args, 1, "the pattern's name, like `throughline pattern to-emotion anxiety`")
	if err != nil {
		return err
	}
	return c.onPattern(rest[0], func(store *jstore.Store, p journal.Pattern) error {
		conv, err := store.PatternToEmotion(p.ID, strings.ToLower(strings.TrimSpace(*family)))
		if err != nil {
			return err
		}
		msg := conv.Message()
		if p.Description != "" || p.Colour != "" {
			msg += " Its description and colour are not kept: feelings have none."
		}
		if conv.Merged {
			fmt.Fprintln(c.stdout, msg)
			return nil
		}
		fmt.Fprintf(c.stdout, "%s Undo with: throughline emotion to-pattern %q\n", msg, conv.Name)
		return nil
	})
}
