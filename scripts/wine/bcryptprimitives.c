/* Wine 8 lacks bcryptprimitives.dll. Rust's standard library takes its
 * randomness from ProcessPrng there on Windows 10 and later; this stub
 * answers it with RtlGenRandom (advapi32's SystemFunction036).
 * Built by `scripts/cross wine-stub`, for tests under Wine only. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
