package articles

import "github.com/byline/byline/model"

// parseHTML extracts the article from an HTML page.
// TODO(library issue): go-readability; until then HTML is refused clearly.
func parseHTML(source string, data []byte) (*model.Article, error) {
	return nil, &Error{Source: source, Err: ErrFormat}
}

// parseFeed reads an RSS or Atom feed, one article per item.
func parseFeed(source string, data []byte) ([]*model.Article, error) {
	return nil, &Error{Source: source, Err: ErrFormat}
}
