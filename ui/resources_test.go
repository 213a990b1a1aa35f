package ui

import (
	"bytes"
	"testing"
)

func TestIcon_IsTheEmbeddedPNG(t *testing.T) {
	if !bytes.HasPrefix(Icon.Content(), []byte("\x89PNG\r\n\x1a\n")) || Icon.Name() != "icon.png" {
		t.Errorf("the icon resource is %q, %d bytes, not the embedded PNG", Icon.Name(), len(Icon.Content()))
	}
}
