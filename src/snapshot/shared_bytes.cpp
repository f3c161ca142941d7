#include "snapshot/shared_bytes.hpp"

#include <algorithm>

namespace gazette {

SharedBytes::SharedBytes(std::string bytes) {
  auto held = std::make_shared<const std::string>(shrunk(std::move(bytes)));
  whole_ = *held;
  owner_ = std::move(held);
}

SharedBytes SharedBytes::view(std::string_view bytes, std::shared_ptr<const void> owner) {
  SharedBytes shared;
  shared.whole_ = bytes;
  shared.owner_ = std::move(owner);
  return shared;
}

std::size_t SharedBytes::size() const { return pieces_ ? pieces_->size : whole_.size(); }

std::size_t SharedBytes::piece_count() const {
  if (pieces_) return pieces_->pieces.size();
  return whole_.empty() ? 0 : 1;
}

std::string_view SharedBytes::piece(std::size_t index) const { return pieces_ ? pieces_->pieces[index] : whole_; }

std::string SharedBytes::joined() const {
  std::string bytes;
  bytes.reserve(size());
  for (std::size_t i = 0; i < piece_count(); ++i) bytes += piece(i);
  return bytes;
}

SharedBytes SharedBytes::after(std::string head) const {
  if (!pieces_) return SharedBytes(head + joined());
  auto joined = std::make_shared<Pieces>();
  joined->own = std::move(head);
  joined->size = joined->own.size() + pieces_->size;
  joined->pieces.reserve(1 + pieces_->pieces.size());
  if (!joined->own.empty()) joined->pieces.emplace_back(joined->own);
  joined->pieces.insert(joined->pieces.end(), pieces_->pieces.begin(), pieces_->pieces.end());
  joined->owners.push_back(owner_);
  SharedBytes bytes;
  bytes.pieces_ = joined.get();
  bytes.owner_ = std::move(joined);
  return bytes;
}

SharedBytes SharedBytes::with_head(std::string head, std::size_t replaced) const {
  auto joined = std::make_shared<Pieces>();
  joined->own = std::move(head);
  if (!joined->own.empty()) joined->pieces.emplace_back(joined->own);
  for (std::size_t i = 0; i < piece_count(); ++i) {
    std::string_view rest = piece(i);
    const std::size_t dropped = std::min(replaced, rest.size());
    replaced -= dropped;
    rest.remove_prefix(dropped);
    if (!rest.empty()) joined->pieces.push_back(rest);
  }
  for (std::string_view piece : joined->pieces) joined->size += piece.size();
  joined->owners.push_back(owner_);
  SharedBytes bytes;
  bytes.pieces_ = joined.get();
  bytes.owner_ = std::move(joined);
  return bytes;
}

void SharedBytesBuilder::end_own_text() {
  if (own_taken_ < own_.size()) segments_.push_back({own_taken_, own_.size(), {}});
  own_taken_ = own_.size();
}

void SharedBytesBuilder::share(std::string_view piece, const std::shared_ptr<const void>& owner) {
  if (piece.empty()) return;
  end_own_text();
  segments_.push_back({0, 0, piece});
  // Pieces with one owner tend to come in a row: it is kept once for them.
  if (owners_.empty() || owners_.back() != owner) owners_.push_back(owner);
}

void SharedBytesBuilder::share(std::string_view piece, const SharedBytes& holder) { share(piece, holder.owner_); }

SharedBytes SharedBytesBuilder::finish() && {
  if (segments_.empty()) return SharedBytes(std::move(own_));
  end_own_text();
  auto pieces = std::make_shared<SharedBytes::Pieces>();
  pieces->own = SharedBytes::shrunk(std::move(own_));
  pieces->owners = std::move(owners_);
  pieces->owners.shrink_to_fit();
  pieces->pieces.reserve(segments_.size());
  // Views into `own` are taken only now that it no longer moves.
  for (const Segment& segment : segments_) {
    const std::string_view piece = segment.shared.empty()
                                       ? std::string_view(pieces->own).substr(segment.own_from, segment.own_to - segment.own_from)
                                       : segment.shared;
    pieces->pieces.push_back(piece);
    pieces->size += piece.size();
  }
  SharedBytes bytes;
  bytes.pieces_ = pieces.get();
  bytes.owner_ = std::move(pieces);
  return bytes;
}

} // namespace gazette
