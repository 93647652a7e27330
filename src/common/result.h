#pragma once

#include "common/error.h"

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace companion {

// Errors are values. Result<T> holds either a T or an Error, in the shape of std::expected
// (C++23, not available to us under C++20). Accessing the wrong alternative is a bug and asserts.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    {}

    bool hasValue() const { return m_state.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T &value() &
    {
        assert(hasValue());
        return std::get<0>(m_state);
    }
    const T &value() const &
    {
        assert(hasValue());
        return std::get<0>(m_state);
    }
    T &&value() &&
    {
        assert(hasValue());
        return std::get<0>(std::move(m_state));
    }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const
    {
        assert(!hasValue());
        return std::get<1>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

// Result<void>: success carries nothing.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    {}

    bool hasValue() const { return !m_failed; }
    explicit operator bool() const { return hasValue(); }
    const Error &error() const
    {
        assert(m_failed);
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

// Propagate an error from an expression returning Result<...> (GNU statement expressions are
// not allowed under -Wpedantic, so this is a plain early return on a named result).
#define COMPANION_TRY(resultExpr)                                                                  \
    do {                                                                                           \
        auto companionTryResult_ = (resultExpr);                                                   \
        if (!companionTryResult_)                                                                  \
            return companionTryResult_.error();                                                    \
    } while (false)

} // namespace companion
