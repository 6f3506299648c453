using System.Globalization;
using System.Numerics;
using System.Text;

namespace HomelabManager.Hcl.Evaluation;

/// <summary>
/// An exact decimal number: <see cref="Significand"/> × 10^(−<see cref="Scale"/>), kept normalized
/// (no trailing zeros in the significand), so any literal keeps every digit.
/// </summary>
public sealed class HclNumber : HclValue, IEquatable<HclNumber>, IComparable<HclNumber>
{
    /// <summary>Largest exponent magnitude a literal may use.</summary>
    public const int MaxExponent = 100_000;

    private const int DivisionDigits = 50;

    /// <summary>Creates a number and normalizes it.</summary>
    public HclNumber(BigInteger significand, int scale)
    {
        if (significand.IsZero)
        {
            scale = 0;
        }
        else if (significand >= long.MinValue + 1 && significand <= long.MaxValue)
        {
            var small = (long)significand;
            while (small % 10 == 0)
            {
                small /= 10;
                scale--;
            }

            significand = small;
        }
        else
        {
            while (true)
            {
                var quotient = BigInteger.DivRem(significand, 10, out var remainder);
                if (!remainder.IsZero)
                {
                    break;
                }

                significand = quotient;
                scale--;
            }
        }

        Significand = significand;
        Scale = scale;
    }

    /// <summary>Zero.</summary>
    public static HclNumber Zero { get; } = new(BigInteger.Zero, 0);

    /// <summary>The digits of the number.</summary>
    public BigInteger Significand { get; }

    /// <summary>How many digits of <see cref="Significand"/> are after the decimal point (negative: trailing zeros).</summary>
    public int Scale { get; }

    /// <inheritdoc />
    public override string TypeName => "number";

    /// <summary>True when the number has no fractional part.</summary>
    public bool IsInteger => Scale <= 0;

    /// <summary>Integers from 0 below this are shared: numbers are immutable, and small ones (counts, ports, sizes) repeat.</summary>
    private const int SharedIntegers = 4096;

    /// <summary>The shared small integers, each made when first needed.</summary>
    private static readonly HclNumber?[] Small = new HclNumber?[SharedIntegers];

    /// <summary>Creates a number from an integer.</summary>
    public static HclNumber FromInt64(long value)
    {
        if (value == 0)
        {
            return Zero;
        }

        if ((ulong)value < SharedIntegers)
        {
            // Threads racing here may each make one; any of them is the same value.
            return Small[value] ??= Create(value);
        }

        return Create(value);
    }

    private static HclNumber Create(long value)
    {
        var scale = 0;
        while (value % 10 == 0)
        {
            value /= 10;
            scale--;
        }

        return new HclNumber(new BigInteger(value), scale, normalized: true);
    }

    private HclNumber(BigInteger significand, int scale, bool normalized)
    {
        _ = normalized;
        Significand = significand;
        Scale = scale;
    }

    /// <summary>Creates a number from a decimal.</summary>
    public static HclNumber FromDecimal(decimal value)
    {
        var bits = decimal.GetBits(value);
        var magnitude = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        return new HclNumber(bits[3] < 0 ? -magnitude : magnitude, scale);
    }

    /// <summary>Parses HCL number syntax (<c>12</c>, <c>1.5</c>, <c>1e-3</c>), optionally signed; null when invalid or out of range.</summary>
    public static HclNumber? Parse(ReadOnlySpan<char> text)
    {
        // Fast path: a plain integer of up to 18 digits.
        if (text.Length is > 0 and <= 18)
        {
            long plain = 0;
            var k = 0;
            for (; k < text.Length && char.IsAsciiDigit(text[k]); k++)
            {
                plain = (plain * 10) + (text[k] - '0');
            }

            if (k == text.Length)
            {
                return plain == 0 ? Zero : FromInt64(plain);
            }
        }

        var i = 0;
        var negative = false;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            negative = text[i] == '-';
            i++;
        }

        var digits = new StringBuilder(text.Length);
        var intStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            digits.Append(text[i++]);
        }

        if (i == intStart)
        {
            return null;
        }

        var scale = 0L;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            var fracStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                digits.Append(text[i++]);
            }

            if (i == fracStart)
            {
                return null;
            }

            scale = i - fracStart;
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            var expNegative = false;
            if (i < text.Length && (text[i] == '-' || text[i] == '+'))
            {
                expNegative = text[i] == '-';
                i++;
            }

            var expStart = i;
            long exponent = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                if (exponent <= MaxExponent)
                {
                    exponent = (exponent * 10) + (text[i] - '0');
                }

                i++;
            }

            if (i == expStart || exponent > MaxExponent)
            {
                return null;
            }

            scale += expNegative ? exponent : -exponent;
        }

        if (i != text.Length)
        {
            return null;
        }

        var significand = BigInteger.Parse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        if (significand.IsZero)
        {
            return Zero;
        }

        // Trailing zeros are removed by normalization; trim them first so large exponents stay cheap.
        return new HclNumber(negative ? -significand : significand, (int)Math.Clamp(scale, int.MinValue / 2, int.MaxValue / 2));
    }

    /// <summary>The value as a 64-bit integer when it is a whole number in range.</summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        if (Scale > 0 || Scale < -19)
        {
            return false;
        }

        var whole = Significand * BigInteger.Pow(10, -Scale);
        if (whole < long.MinValue || whole > long.MaxValue)
        {
            return false;
        }

        value = (long)whole;
        return true;
    }

    /// <summary>The value as a 32-bit integer when it is a whole number in range.</summary>
    public bool TryGetInt32(out int value)
    {
        value = 0;
        if (!TryGetInt64(out var wide) || wide < int.MinValue || wide > int.MaxValue)
        {
            return false;
        }

        value = (int)wide;
        return true;
    }

    /// <summary>The nearest double (may lose precision).</summary>
    public double ToDouble() => double.Parse(ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The plain decimal form: no exponent, no trailing zeros (<c>1000</c>, <c>0.00000015</c>, <c>-2.5</c>).</summary>
    public override string ToString()
    {
        var negative = Significand.Sign < 0;
        var digits = BigInteger.Abs(Significand).ToString(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(digits.Length + Math.Abs(Scale) + 3);
        if (negative)
        {
            builder.Append('-');
        }

        if (Scale <= 0)
        {
            builder.Append(digits);
            if (!Significand.IsZero)
            {
                builder.Append('0', -Scale);
            }
        }
        else if (Scale >= digits.Length)
        {
            builder.Append("0.").Append('0', Scale - digits.Length).Append(digits);
        }
        else
        {
            builder.Append(digits, 0, digits.Length - Scale).Append('.').Append(digits, digits.Length - Scale, Scale);
        }

        return builder.ToString();
    }

    /// <summary>−this.</summary>
    public HclNumber Negate() => new(-Significand, Scale);

    /// <summary>this + other.</summary>
    public HclNumber Add(HclNumber other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (a, b, scale) = Align(this, other);
        return new HclNumber(a + b, scale);
    }

    /// <summary>this − other.</summary>
    public HclNumber Subtract(HclNumber other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (a, b, scale) = Align(this, other);
        return new HclNumber(a - b, scale);
    }

    /// <summary>this × other.</summary>
    public HclNumber Multiply(HclNumber other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new HclNumber(Significand * other.Significand, Scale + other.Scale);
    }

    /// <summary>this ÷ other, exact when it terminates, otherwise rounded to 50 more digits; null when dividing by zero.</summary>
    public HclNumber? Divide(HclNumber other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Significand.IsZero)
        {
            return null;
        }

        var numerator = Significand * BigInteger.Pow(10, DivisionDigits + Digits(other.Significand));
        var quotient = BigInteger.Divide(numerator, other.Significand);
        return new HclNumber(quotient, Scale - other.Scale + DivisionDigits + Digits(other.Significand));
    }

    /// <summary>The remainder of truncated division (sign of the dividend); null when dividing by zero.</summary>
    public HclNumber? Modulo(HclNumber other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Significand.IsZero)
        {
            return null;
        }

        var (a, b, scale) = Align(this, other);
        return new HclNumber(BigInteger.Remainder(a, b), scale);
    }

    /// <inheritdoc />
    public int CompareTo(HclNumber? other)
    {
        if (other is null)
        {
            return 1;
        }

        var (a, b, _) = Align(this, other);
        return a.CompareTo(b);
    }

    /// <inheritdoc />
    public bool Equals(HclNumber? other) => other is not null && Scale == other.Scale && Significand == other.Significand;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HclNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Significand, Scale);

    /// <summary>Value equality.</summary>
    public static bool operator ==(HclNumber? left, HclNumber? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(HclNumber? left, HclNumber? right) => !(left == right);

    /// <summary>Less than.</summary>
    public static bool operator <(HclNumber? left, HclNumber? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Less than or equal.</summary>
    public static bool operator <=(HclNumber? left, HclNumber? right) => left is null || left.CompareTo(right) <= 0;

    /// <summary>Greater than.</summary>
    public static bool operator >(HclNumber? left, HclNumber? right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(HclNumber? left, HclNumber? right) => left is null ? right is null : left.CompareTo(right) >= 0;

    private static int Digits(BigInteger value) => BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture).Length;

    private static (BigInteger A, BigInteger B, int Scale) Align(HclNumber x, HclNumber y)
    {
        if (x.Scale == y.Scale)
        {
            return (x.Significand, y.Significand, x.Scale);
        }

        if (x.Scale > y.Scale)
        {
            return (x.Significand, y.Significand * BigInteger.Pow(10, x.Scale - y.Scale), x.Scale);
        }

        return (x.Significand * BigInteger.Pow(10, y.Scale - x.Scale), y.Significand, y.Scale);
    }
}
