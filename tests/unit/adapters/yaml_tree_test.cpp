// yaml_tree: the one reader of every YAML file (knowledge base and answers
// files). What a small file can make it do is bounded: no anchors or aliases
// (whose copies grow exponentially), no tags (read past as if absent), no
// unbounded nesting.
#include "fascia/adapters/yaml_tree.hpp"

#include <gtest/gtest.h>

#include <string>

#include "fascia/adapters/answers_file.hpp"

namespace yaml_tree = fascia::adapters::yaml_tree;

namespace {

// "Billion laughs": nine levels of nine aliases each, about 400 bytes that
// would expand to 9^9 copies of the first list.
std::string billion_laughs() {
  std::string text = "recent-trauma: no\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char name = 'b'; name <= 'i'; ++name) {
    const char prev = static_cast<char>(name - 1);
    text += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 9; ++i) text += std::string(i ? ", *" : "*") + prev;
    text += "]\n";
  }
  return text;
}

}  // namespace

TEST(YamlTree, RefusesABillionLaughsDocumentAtItsFirstAnchor) {
  auto tree = yaml_tree::parse_text(billion_laughs());
  ASSERT_FALSE(tree.has_value());
  EXPECT_EQ(tree.error().kind, yaml_tree::ParseError::Kind::malformed);
  EXPECT_EQ(tree.error().line, 2);
  EXPECT_EQ(tree.error().message, "anchors and aliases are not accepted (found &a)");
}

TEST(YamlTree, RefusesAnAliasWithItsLine) {
  // An alias to an anchor that was never defined is refused the same way.
  auto tree = yaml_tree::parse_text("a: 1\nb:\n  - x\n  - *nowhere\n");
  ASSERT_FALSE(tree.has_value());
  EXPECT_EQ(tree.error().line, 4);
  EXPECT_EQ(tree.error().message, "anchors and aliases are not accepted (found *nowhere)");
}

TEST(YamlTree, RefusesAnchorsOnScalarsListsAndMaps) {
  for (const char* text : {"a: &x 1\n", "a: &x [1]\n", "a: &x {b: 1}\n", "a:\n  &x b: 1\n"}) {
    auto tree = yaml_tree::parse_text(text);
    ASSERT_FALSE(tree.has_value()) << text;
    EXPECT_EQ(tree.error().message, "anchors and aliases are not accepted (found &x)") << text;
  }
}

TEST(YamlTree, RefusesTagsOnScalarsListsAndMaps) {
  for (const char* text : {"a: !custom 1\n", "a: !!bool yes\n", "a: !x [1]\n", "a: !x {b: 1}\n"}) {
    auto tree = yaml_tree::parse_text(text);
    ASSERT_FALSE(tree.has_value()) << text;
    EXPECT_EQ(tree.error().message.rfind("tags are not accepted (found ", 0), 0u) << tree.error().message;
  }
}

TEST(AnswersFile, YesAndNoAreReadInAnyLetterCase) {
  auto answers = fascia::adapters::parse_answers("fever: Yes\nrecent-trauma: NO\nnight-pain: True\n", "answers.yaml");
  ASSERT_TRUE(answers.has_value()) << answers.error().message;
  EXPECT_TRUE(answers->at("fever").yes);
  EXPECT_FALSE(answers->at("recent-trauma").yes);
  EXPECT_TRUE(answers->at("night-pain").yes);
  EXPECT_FALSE(fascia::adapters::parse_answers("fever: yess\n", "answers.yaml").has_value());
}

TEST(AnswersFile, ATaggedAnswerIsRefusedNotReadAsYes) {
  auto answers = fascia::adapters::parse_answers("recent-trauma: no\nfever: !custom yes\n", "answers.yaml");
  ASSERT_FALSE(answers.has_value());
  EXPECT_EQ(answers.error().message, "answers.yaml:2: tags are not accepted (found !custom)");
}

TEST(YamlTree, RefusesNestingDeeperThanTheLimitWithoutOverflowingTheStack) {
  const std::size_t depth = 200000;
  auto tree = yaml_tree::parse_text("a: " + std::string(depth, '[') + std::string(depth, ']') + "\n");
  ASSERT_FALSE(tree.has_value());
  EXPECT_EQ(tree.error().line, 1);
  EXPECT_EQ(tree.error().message,
            "lists and maps are nested more than " + std::to_string(yaml_tree::kMaxDepth) + " levels deep");
}

TEST(YamlTree, AcceptsNestingUpToTheLimit) {
  const std::size_t depth = yaml_tree::kMaxDepth - 1;  // the top-level map is one level
  auto tree = yaml_tree::parse_text("a: " + std::string(depth, '[') + "x" + std::string(depth, ']') + "\n");
  ASSERT_TRUE(tree.has_value()) << tree.error().message;
  const yaml_tree::Node* node = tree->find("a");
  for (std::size_t i = 0; i < depth; ++i) {
    ASSERT_EQ(node->kind, yaml_tree::Node::Kind::list);
    node = &node->items.at(0);
  }
  EXPECT_EQ(node->text, "x");
}

TEST(AnswersFile, RefusesABillionLaughsFileNamingFileAndLine) {
  auto answers = fascia::adapters::parse_answers(billion_laughs(), "answers.yaml");
  ASSERT_FALSE(answers.has_value());
  EXPECT_EQ(answers.error().code, fascia::core::ErrorCode::malformed_file);
  EXPECT_EQ(answers.error().message, "answers.yaml:2: anchors and aliases are not accepted (found &a)");
}
